#version 330 core
// The field's anchor points: points.vert plus a minimum and maximum on-screen size, so far anchors stay visible as
// ~1-2 px dots instead of vanishing between pixels; fog is computed here (per point, once) so the fragment stage stays cheap.
layout(location = 0) in vec2 aCorner;      // quad corner in -1..1
layout(location = 1) in vec3 iPosition;    // per instance: centre in world space
layout(location = 2) in float iSize;       // per instance: diameter in world units
layout(location = 3) in vec4 iColour;      // per instance: RGBA8, normalised

uniform mat4 uViewProjection;
uniform vec3 uCameraRight;
uniform vec3 uCameraUp;
uniform vec3 uCameraPosition;
uniform float uFogStart;
uniform float uFogEnd;
uniform float uPixelsPerUnitAtOne;   // viewport height / (2 tan(fovY/2)): pixels per world unit at distance 1
uniform float uMinPixels;            // smallest drawn diameter in pixels
uniform float uMaxPixels;            // largest drawn diameter in pixels, so a point passing the eye is not a screen-sized blob

out vec2 vCorner;
out vec4 vColour;
out float vFog;

void main()
{
    float distanceToCamera = length(iPosition - uCameraPosition);
    // Size attenuation: world-sized sprites shrink with distance like everything else, clamped to [min, max] pixels.
    float pixelsToWorld = distanceToCamera / uPixelsPerUnitAtOne;
    float size = clamp(iSize, uMinPixels * pixelsToWorld, uMaxPixels * pixelsToWorld);
    vec3 world = iPosition + (uCameraRight * aCorner.x + uCameraUp * aCorner.y) * (0.5 * size);
    gl_Position = uViewProjection * vec4(world, 1.0);
    vCorner = aCorner;
    vColour = iColour;
    vFog = clamp((distanceToCamera - uFogStart) / max(uFogEnd - uFogStart, 1e-4), 0.0, 1.0);
}

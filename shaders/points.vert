#version 330 core
// Instanced camera-facing billboards: one quad (4 corners, triangle strip) per instance, spread along the camera's
// right and up axes so every point faces the viewer whatever the view direction.
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

out vec2 vCorner;
out vec4 vColour;
out float vFog;

void main()
{
    vec3 world = iPosition + (uCameraRight * aCorner.x + uCameraUp * aCorner.y) * (0.5 * iSize);
    gl_Position = uViewProjection * vec4(world, 1.0);
    vCorner = aCorner;
    vColour = iColour;
    // Linear fog on the distance to the point's centre, so a point fogs evenly rather than across its quad.
    float distanceToCamera = length(iPosition - uCameraPosition);
    vFog = clamp((distanceToCamera - uFogStart) / max(uFogEnd - uFogStart, 1e-4), 0.0, 1.0);
}

#version 330 core
// A camera-facing textured square for one nearby object; the whole quad takes the fog of its centre.
layout(location = 0) in vec2 aCorner;   // -1..1

uniform mat4 uViewProjection;
uniform vec3 uCameraRight;
uniform vec3 uCameraUp;
uniform vec3 uCameraPosition;
uniform vec3 uCentre;
uniform float uSize;        // edge length in world units
uniform float uFogStart;
uniform float uFogEnd;

out vec2 vUv;
out float vFog;

void main()
{
    vec3 world = uCentre + (uCameraRight * aCorner.x + uCameraUp * aCorner.y) * (0.5 * uSize);
    gl_Position = uViewProjection * vec4(world, 1.0);
    // Tile row 0 is its top: v = 0 at the top corners.
    vUv = vec2(aCorner.x * 0.5 + 0.5, 0.5 - aCorner.y * 0.5);
    vFog = clamp((length(uCentre - uCameraPosition) - uFogStart) / max(uFogEnd - uFogStart, 1e-4), 0.0, 1.0);
}

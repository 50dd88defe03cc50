#version 330 core
// Per-fragment fog: a line's ends can both be far while its middle passes close to the camera.
in vec3 vWorld;

uniform vec3 uColour;
uniform vec3 uFogColour;
uniform vec3 uCameraPosition;
uniform float uFogStart;
uniform float uFogEnd;

out vec4 fragColour;

void main()
{
    float fog = clamp((length(vWorld - uCameraPosition) - uFogStart) / max(uFogEnd - uFogStart, 1e-4), 0.0, 1.0);
    fragColour = vec4(mix(uColour, uFogColour, fog), 1.0);
}

#version 330 core
// The local material on the ground: texture fixed to the world (it does not slide as the visitor moves), the previous
// material cross-faded into the current one, the disc's outer half fading into the dark, and fogged at half strength.
in vec3 vWorld;
in vec2 vLocal;

uniform sampler2D uCurrent;
uniform sampler2D uPrevious;
uniform float uBlend;
uniform float uTileWorldSize;
uniform float uBrightness;
uniform vec3 uFogColour;
uniform vec3 uCameraPosition;
uniform float uFogStart;
uniform float uFogEnd;

out vec4 fragColour;

void main()
{
    float r = length(vLocal);
    if (r > 1.0) discard;
    vec2 uv = vWorld.xz / uTileWorldSize;
    vec3 material = mix(textureLod(uPrevious, uv, 0.0).rgb, textureLod(uCurrent, uv, 0.0).rgb, uBlend);
    float edge = 1.0 - smoothstep(0.45, 1.0, r);
    float fog = clamp((length(vWorld - uCameraPosition) - uFogStart) / max(uFogEnd - uFogStart, 1e-4), 0.0, 1.0);
    // Half-strength fog: the floor lies far below the eye, and at full fog the local material would not read at all.
    fragColour = vec4(mix(material * uBrightness, uFogColour, 0.5 * fog), edge);
}

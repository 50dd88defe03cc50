#version 330 core
// Round point with a soft rim, faded towards the fog colour with distance (same as points.frag).
in vec2 vCorner;
in vec4 vColour;
in float vFog;

uniform vec3 uFogColour;
uniform float uEdgeSoftness;   // fraction of the radius that fades out, e.g. 0.15

out vec4 fragColour;

void main()
{
    float radius = length(vCorner);
    // At least ~1 pixel of fade (fwidth) so small points stay antialiased rather than aliased discs.
    float feather = max(uEdgeSoftness, fwidth(radius));
    float coverage = 1.0 - smoothstep(1.0 - feather, 1.0, radius);
    if (coverage <= 0.0)
        discard;
    vec3 colour = mix(vColour.rgb, uFogColour, vFog);
    fragColour = vec4(colour, vColour.a * coverage);
}

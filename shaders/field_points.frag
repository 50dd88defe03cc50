#version 330 core
// A soft round sprite: an opaque-ish core with a feathered rim, and a faint halo around it that is added to what is
// behind (premultiplied output: the halo carries colour but no alpha). Where many points overlap the halos sum, so
// dense clusters glow and sparse strays stay small dots. Fog (per point, from the vertex stage) pulls the core to the
// fog colour and dims the halo, so far clusters sink into the background instead of greying over it.
in vec2 vCorner;
in vec4 vColour;
in float vFog;

uniform vec3 uFogColour;
uniform float uEdgeSoftness;   // fraction of the core radius that fades out, e.g. 0.15
uniform float uCoreRadius;     // core radius as a fraction of the sprite's half-size; the rest is halo
uniform float uGlow;           // halo strength at the core's edge (0 = no halo)

out vec4 fragColour;

void main()
{
    float radius = length(vCorner);
    if (radius >= 1.0)
        discard;
    float r = radius / uCoreRadius;
    // At least ~1 pixel of fade (fwidth) so small points stay antialiased rather than aliased discs.
    float feather = max(uEdgeSoftness, fwidth(r));
    float coverage = (1.0 - smoothstep(1.0 - feather, 1.0, r)) * vColour.a;
    vec3 core = mix(vColour.rgb, uFogColour, vFog);
    // Gaussian halo from the core's edge to the sprite's edge, zero at the sprite edge so no square shows.
    float halo = uGlow * exp(-4.0 * r * r) * (1.0 - radius * radius) * (1.0 - vFog) * vColour.a;
    fragColour = vec4(core * coverage + vColour.rgb * halo * (1.0 - coverage), coverage);
}

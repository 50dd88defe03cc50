#version 330 core
// The material, lit: a key light from above, a cool fill from the other side, a rim that catches the silhouette
// against the dark field, and a glow that swells with the voice's envelope. Faded as a whole with the voice.
in vec3 vNormal;
in vec3 vToEye;
in vec2 vUv;
in float vFog;

uniform sampler2D uTile;
uniform int uHasTile;
uniform vec4 uPlaceholder;
uniform vec3 uFogColour;
uniform float uEnvelope;    // 0..1, the voice's loudness now
uniform float uOpacity;     // 0..1, the voice's fade

out vec4 fragColour;

void main()
{
    vec3 n = normalize(vNormal);
    vec3 v = normalize(vToEye);
    vec3 albedo = uHasTile != 0 ? texture(uTile, vUv).rgb : uPlaceholder.rgb;
    vec3 key = normalize(vec3(0.4, 0.85, 0.35));
    vec3 fill = normalize(vec3(-0.6, 0.2, -0.5));
    float diffuse = max(dot(n, key), 0.0) * 0.85 + max(dot(n, fill), 0.0) * 0.25 + 0.22;
    float specular = pow(max(dot(n, normalize(key + v)), 0.0), 32.0) * 0.25;
    float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0);
    vec3 lit = albedo * diffuse + vec3(specular) + albedo * rim * (0.35 + 0.9 * uEnvelope) + albedo * 0.25 * uEnvelope;
    fragColour = vec4(mix(lit, uFogColour, vFog), uOpacity);
}

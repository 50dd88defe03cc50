#version 330 core
// Tile texture, or a flat placeholder colour while the object's content is still being generated.
in vec2 vUv;
in float vFog;

uniform sampler2D uTile;
uniform int uHasTile;
uniform vec4 uPlaceholder;
uniform vec3 uFogColour;

out vec4 fragColour;

void main()
{
    vec4 colour = uHasTile != 0 ? texture(uTile, vUv) : uPlaceholder;
    if (colour.a < 0.5)
        discard;
    fragColour = vec4(mix(colour.rgb, uFogColour, vFog), 1.0);
}

#version 330 core
// Premultiplied RGBA from the label atlas, faded as a whole (distance fade), blended with (ONE, ONE_MINUS_SRC_ALPHA).
in vec2 vUv;

uniform sampler2D uAtlas;
uniform float uAlpha;

out vec4 fragColour;

void main()
{
    fragColour = texture(uAtlas, vUv) * uAlpha;
}

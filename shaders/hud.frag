#version 330 core
// Premultiplied RGBA from SkiaSharp, blended with (ONE, ONE_MINUS_SRC_ALPHA).
in vec2 vUv;

uniform sampler2D uText;

out vec4 fragColour;

void main()
{
    fragColour = texture(uText, vUv);
}

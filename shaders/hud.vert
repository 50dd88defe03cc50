#version 330 core
// A screen-space rectangle given in normalised device coordinates; the HUD texture's row 0 is its top line.
layout(location = 0) in vec2 aCorner;   // 0..1, y up

uniform vec4 uRect;   // left, bottom, right, top in NDC

out vec2 vUv;

void main()
{
    gl_Position = vec4(mix(uRect.xy, uRect.zw, aCorner), 0.0, 1.0);
    vUv = vec2(aCorner.x, 1.0 - aCorner.y);
}

#version 330 core
// A region label: a screen-aligned rectangle of fixed pixel size whose bottom centre sits where a world point
// projects, so names stay legible at any distance while moving with the field. Its atlas row is uUvRect.
layout(location = 0) in vec2 aCorner;   // 0..1, y up

uniform mat4 uViewProjection;
uniform vec3 uCentre;        // world point the label names
uniform vec2 uPixelSize;     // label size in pixels
uniform vec2 uViewport;      // viewport size in pixels
uniform vec4 uUvRect;        // atlas u0, v0 (top), u1, v1 (bottom)

out vec2 vUv;

void main()
{
    vec4 clip = uViewProjection * vec4(uCentre, 1.0);
    vec2 offset = vec2(aCorner.x - 0.5, aCorner.y) * uPixelSize * 2.0 / uViewport;
    gl_Position = vec4(clip.xy + offset * clip.w, clip.z, clip.w);
    vUv = vec2(mix(uUvRect.x, uUvRect.z, aCorner.x), mix(uUvRect.w, uUvRect.y, aCorner.y));
}

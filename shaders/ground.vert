#version 330 core
// The ground patch: a unit quad scaled to the patch's radius and laid at the ground height under its centre.
layout(location = 0) in vec2 aCorner;   // -1..1

uniform mat4 uViewProjection;
uniform vec3 uCentre;   // (x, ground height, z)
uniform float uRadius;

out vec3 vWorld;
out vec2 vLocal;

void main()
{
    vLocal = aCorner;
    vWorld = uCentre + vec3(aCorner.x * uRadius, 0.0, aCorner.y * uRadius);
    gl_Position = uViewProjection * vec4(vWorld, 1.0);
}

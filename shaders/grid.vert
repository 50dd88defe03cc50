#version 330 core
// Ground reference lines: a fixed set of lines on y = 0 around the origin, moved under the camera in whole grid steps
// (uOffset) so the grid looks endless and does not swim as the camera moves.
layout(location = 0) in vec3 aPosition;

uniform mat4 uViewProjection;
uniform vec3 uOffset;   // (snapped camera x, ground height, snapped camera z)

out vec3 vWorld;

void main()
{
    vWorld = aPosition + uOffset;
    gl_Position = uViewProjection * vec4(vWorld, 1.0);
}

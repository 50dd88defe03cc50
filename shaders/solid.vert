#version 330 core
// One flat colour: positions transformed by uTransform (identity draws straight in clip space).
layout(location = 0) in vec3 aPosition;

uniform mat4 uTransform;

void main()
{
    gl_Position = uTransform * vec4(aPosition, 1.0);
}

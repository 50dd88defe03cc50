#version 330 core
// A playing emitter's object: a rounded block (mesh in -0.5..0.5) turned, scaled and placed by uModel; world-space
// normal and position go to the fragment stage for lighting, uv tiles the material once per face.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec2 aUv;

uniform mat4 uViewProjection;
uniform mat4 uModel;          // rotation and uniform scale, then translation (row-vector convention, see ShaderProgram.Set)
uniform vec3 uCameraPosition;
uniform float uFogStart;
uniform float uFogEnd;

out vec3 vNormal;
out vec3 vToEye;
out vec2 vUv;
out float vFog;

void main()
{
    vec4 world = uModel * vec4(aPosition, 1.0);
    gl_Position = uViewProjection * world;
    vNormal = normalize(mat3(uModel) * aNormal);
    vToEye = uCameraPosition - world.xyz;
    vUv = aUv;
    vFog = clamp((length(vToEye) - uFogStart) / max(uFogEnd - uFogStart, 1e-4), 0.0, 1.0);
}

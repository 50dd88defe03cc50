using System.Numerics;
using static GenWorld.Audio.Native.AlConstants;

namespace GenWorld.Audio.OpenAl;

/// <summary>The context's listener: where the ears are, how they move and which way they face.</summary>
public sealed unsafe class AlListener
{
    private readonly AlContext _context;

    internal AlListener(AlContext context) => _context = context;

    /// <summary>Position in world units (default origin).</summary>
    public Vector3 Position
    {
        get => Get3(AL_POSITION);
        set => Set3(AL_POSITION, value, "AL_POSITION");
    }

    /// <summary>Velocity for Doppler, in world units per second.</summary>
    public Vector3 Velocity
    {
        get => Get3(AL_VELOCITY);
        set => Set3(AL_VELOCITY, value, "AL_VELOCITY");
    }

    /// <summary>Master gain (default 1).</summary>
    public float Gain
    {
        get
        {
            _context.MakeCurrent();
            float v;
            _context.Api.Al.alGetListenerf(AL_GAIN, &v);
            return v;
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _context.MakeCurrent();
            _context.Api.Al.alListenerf(AL_GAIN, value);
            AlErrors.CheckAl(_context.Api, "alListenerf(AL_GAIN)");
        }
    }

    /// <summary>The "at" (facing) and "up" vectors; the AL default faces -z with +y up.</summary>
    public (Vector3 At, Vector3 Up) Orientation
    {
        get
        {
            _context.MakeCurrent();
            float* v = stackalloc float[6];
            _context.Api.Al.alGetListenerfv(AL_ORIENTATION, v);
            return (new Vector3(v[0], v[1], v[2]), new Vector3(v[3], v[4], v[5]));
        }
        set
        {
            if (value.At.LengthSquared() == 0 || value.Up.LengthSquared() == 0)
                throw new ArgumentException("Listener orientation needs non-zero 'at' and 'up' vectors.", nameof(value));
            _context.MakeCurrent();
            float* v = stackalloc float[6] { value.At.X, value.At.Y, value.At.Z, value.Up.X, value.Up.Y, value.Up.Z };
            _context.Api.Al.alListenerfv(AL_ORIENTATION, v);
            AlErrors.CheckAl(_context.Api, "alListenerfv(AL_ORIENTATION)");
        }
    }

    private Vector3 Get3(int param)
    {
        _context.MakeCurrent();
        float* v = stackalloc float[3];
        _context.Api.Al.alGetListenerfv(param, v);
        return new Vector3(v[0], v[1], v[2]);
    }

    private void Set3(int param, Vector3 value, string paramName)
    {
        _context.MakeCurrent();
        _context.Api.Al.alListener3f(param, value.X, value.Y, value.Z);
        AlErrors.CheckAl(_context.Api, $"alListener3f({paramName})");
    }
}

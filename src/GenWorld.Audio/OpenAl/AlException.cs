namespace GenWorld.Audio.OpenAl;

/// <summary>An OpenAL call failed; the message names the call and the AL/ALC error.</summary>
public sealed class AlException : Exception
{
    /// <summary>Creates the exception for <paramref name="call"/> failing with <paramref name="error"/>.</summary>
    public AlException(string call, string error) : base($"{call} failed: {error}")
    {
        Call = call;
        Error = error;
    }

    /// <summary>The OpenAL call that failed, e.g. <c>alSourcePlay</c>.</summary>
    public string Call { get; }

    /// <summary>The error name, e.g. <c>AL_INVALID_OPERATION</c>.</summary>
    public string Error { get; }
}

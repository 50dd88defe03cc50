using System.Numerics;
using GenWorld.Osc.Control;
using GenWorld.Osc.Dispatch;
using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Tests.Control;

public class GenWorldOscInputTests
{
    private readonly RecordingControl _control = new();
    private readonly OscDispatcher _dispatcher = new();

    public GenWorldOscInputTests() => GenWorldOscInput.Register(_dispatcher, _control);

    [Fact]
    public void PoseTakesDegreesOnTheWireAndGivesRadians()
    {
        Send(GenWorldOscAddresses.CameraPose, F(1.5f), F(2), F(-3.25f), F(90), F(-45));
        var (position, yaw, pitch) = Assert.Single(_control.Poses);
        Assert.Equal(new Vector3(1.5f, 2, -3.25f), position);
        Assert.Equal(MathF.PI / 2, yaw, 1e-6f);
        Assert.Equal(-MathF.PI / 4, pitch, 1e-6f);
    }

    [Fact]
    public void NumbersMayComeAsAnyNumericType()
    {
        Send(GenWorldOscAddresses.CameraVelocity, OscArgument.Int32(1), OscArgument.Float64(0.5), OscArgument.Int64(-2));
        Send(GenWorldOscAddresses.EmitterTrigger, F(12));          // a whole float is an id
        Send(GenWorldOscAddresses.Gain, OscArgument.Int32(1));
        Assert.Equal(new Vector3(1, 0.5f, -2), Assert.Single(_control.Velocities));
        Assert.Equal(12, Assert.Single(_control.Triggers));
        Assert.Equal(1f, Assert.Single(_control.Gains));
    }

    [Fact]
    public void AttractTakesBooleansOrZeroAndOne()
    {
        Send(GenWorldOscAddresses.Attract, OscArgument.Bool(true));
        Send(GenWorldOscAddresses.Attract, OscArgument.Int32(0));
        Send(GenWorldOscAddresses.Attract, F(1));
        Assert.Equal([true, false, true], _control.Attracts);
    }

    [Fact]
    public void TextAddressesTakeOneString()
    {
        Send(GenWorldOscAddresses.GoTo, OscArgument.String("strings"));
        Send(GenWorldOscAddresses.GoTo, OscArgument.String("src/GenWorld.World/examples/flythrough.json"));
        Send(GenWorldOscAddresses.Model, OscArgument.Symbol("notes-vae"));
        Assert.Equal(["strings", "src/GenWorld.World/examples/flythrough.json"], _control.GoTos);
        Assert.Equal(["notes-vae"], _control.Models);
    }

    [Fact]
    public void PatternsReachTheInputs()
    {
        Assert.True(_dispatcher.Dispatch(new OscMessage("/genworld/*/trigger", OscArgument.Int32(3))));
        Assert.True(_dispatcher.Dispatch(new OscMessage("/genworld/[a-h]ain", F(0.5f))));
        Assert.Equal([3], _control.Triggers);
        Assert.Equal([0.5f], _control.Gains);
    }

    public static TheoryData<string, OscArgument[]> BadMessages => new()
    {
        { GenWorldOscAddresses.CameraPose, [F(1), F(2), F(3), F(4)] },                        // one short
        { GenWorldOscAddresses.CameraPose, [F(1), F(2), F(3), F(4), F(5), F(6)] },            // one too many
        { GenWorldOscAddresses.CameraPose, [F(1), F(2), F(float.NaN), F(4), F(5)] },          // NaN would poison the camera
        { GenWorldOscAddresses.CameraVelocity, [F(1), OscArgument.String("2"), F(3)] },
        { GenWorldOscAddresses.CameraVelocity, [F(float.PositiveInfinity), F(0), F(0)] },
        { GenWorldOscAddresses.CameraVelocity, [OscArgument.Float64(1e300), F(0), F(0)] },     // beyond float
        { GenWorldOscAddresses.EmitterTrigger, [F(1.5f)] },
        { GenWorldOscAddresses.EmitterTrigger, [OscArgument.Int32(-1)] },
        { GenWorldOscAddresses.EmitterTrigger, [] },
        { GenWorldOscAddresses.Attract, [OscArgument.Int32(2)] },
        { GenWorldOscAddresses.Attract, [OscArgument.Nil] },
        { GenWorldOscAddresses.Gain, [F(-0.1f)] },
        { GenWorldOscAddresses.GoTo, [OscArgument.String("  ")] },
        { GenWorldOscAddresses.GoTo, [OscArgument.Int32(1)] },
        { GenWorldOscAddresses.Model, [OscArgument.Blob([1, 2])] },
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public void BadArgumentsAreRefusedAndCounted(string address, OscArgument[] arguments)
    {
        Assert.False(_dispatcher.Dispatch(new OscMessage(address, arguments)));
        Assert.Equal(0, _control.Calls);
        Assert.Equal(1, _dispatcher.Stats.Dropped(OscDropReason.BadArguments));
    }

    [Fact]
    public void EveryDocumentedInputIsRegistered() =>
        Assert.Equal(GenWorldOscAddresses.Inputs.Select(i => i.Address).Order(), _dispatcher.Addresses.Order());

    private static OscArgument F(float value) => OscArgument.Float32(value);

    private void Send(string address, params OscArgument[] arguments) =>
        Assert.True(_dispatcher.Dispatch(new OscMessage(address, arguments)), $"{address} was refused");
}

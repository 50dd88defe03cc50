using System.CommandLine;

namespace GenWorld.Cli.Commands;

/// <summary>The options of `genworld train &lt;kind&gt; --via URL` (kinds with a service recipe): submit to a running `genworld serve`.</summary>
internal sealed class TrainViaOptions
{
    public Option<string?> Via { get; } = new("--via") { Description = "Submit to a running `genworld serve` (e.g. http://127.0.0.1:5080) and follow its progress instead of training here; --dataset is then a folder under the service's data root." };
    public Option<string?> Token { get; } = new("--token") { Description = "Bearer token for --via (default: GENWORLD_TOKEN)." };
    public Option<string?> Name { get; } = new("--name") { Description = "With --via: publish as models/<name>/<version>/ (default: the kind)." };
    public Option<string?> BaseModel { get; } = new("--base-model") { Description = "Fine-tune: a run folder or checkpoint here; with --via, a model the service published (\"name\" or \"name/version\")." };

    public void AddTo(Command command)
    {
        foreach (Option o in new Option[] { Via, Token, Name, BaseModel })
            command.Options.Add(o);
    }
}

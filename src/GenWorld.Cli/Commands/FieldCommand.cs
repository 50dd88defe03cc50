using System.CommandLine;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld field</c>: the navigable latent field's data (anchors) and its figures.</summary>
internal static class FieldCommand
{
    public static Command Create() => new("field", "Build and measure the navigable latent field (anchors, projection, smoothness).")
    {
        ToolVerbs.Stub("encode", "Encode a dataset into the field's anchors (a training tool: needs the dataset and runs in genworld-tools)."),
        ToolVerbs.Stub("map", "Map a folder of your own sounds (or a dataset) into a field that plays them at their anchors (a training tool: runs in genworld-tools)."),
        ToolVerbs.Stub("timbres", "Rebuild a prior's timbre table (timbres.json) from a retrained notes VAE (a training tool: runs in genworld-tools)."),
        ToolVerbs.Stub("prior", "Fit the distribution a sound VAE's random samples come from (latent-prior.json) to its codes of the training clips (a training tool)."),
        FieldMeasureCommand.Create(),
    };
}

using GenWorld.Service.Recipes;
using GenWorld.Training.Data;

namespace GenWorld.Cli.Commands;

/// <summary>Dataset folders for sound trainers without a service recipe yet; the adapter itself lives in <see cref="DatasetClipSource"/>.</summary>
internal static class TrainDatasetClipSource
{
    /// <summary>A built dataset when the folder has dataset.json, else a plain folder of WAV files.</summary>
    public static IClipSource Open(string dir) => DatasetClipSource.Open(dir);
}

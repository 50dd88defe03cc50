namespace GenWorld.Cli;

/// <summary>The training tools' expected failures beside the shared ones in <see cref="CliErrorPath"/>: datasets, training, export, the service.</summary>
internal static class KnownFailures
{
    public static bool IsExpected(Exception e) =>
        e is Training.Runs.TrainingException or Training.Export.OnnxExportException or Content.Datasets.DatasetException
            or Content.Datasets.DatasetBuildException or Content.Imaging.ImageDecodeException or Content.Audio.AudioDecodeException
            or Content.Sequences.MidiFileException or Content.Debian.PackageUnavailableException or Service.ServiceConfigurationException
            or Service.Client.ServiceRequestException or HttpRequestException;
}

namespace GenWorld.Content.Datasets;

/// <summary>A progress report from a build.</summary>
/// <param name="Stage">What is happening ("fetching ufoai-sound", "building").</param>
/// <param name="Done">Work done, in unit weights.</param>
/// <param name="Total">Total work, in unit weights.</param>
/// <param name="Items">Items written so far (including resumed ones).</param>
public sealed record BuildProgress(string Stage, double Done, double Total, int Items);

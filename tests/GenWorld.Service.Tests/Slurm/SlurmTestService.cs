using GenWorld.Service.Executors;

namespace GenWorld.Service.Tests.Slurm;

/// <summary>Service options for the Slurm tests: the executor pointed at the test cluster, genworld-tools (copied beside the tests) as the node command, a shared job folder apart from the state.</summary>
internal static class SlurmTestService
{
    public static ServiceOptions Options(TestData data, SlurmCluster cluster) => data.Options() with
    {
        Executor = ExecutorKind.Slurm,
        Slurm = new SlurmSettings
        {
            Partition = SlurmCluster.Partition, ConfFile = cluster.Conf, JobDir = Path.Combine(data.Root, "shared"), PollInterval = TimeSpan.FromMilliseconds(300),
            ToolsCommand = ["dotnet", Path.Combine(AppContext.BaseDirectory, "genworld-tools.dll")],
        },
    };
}

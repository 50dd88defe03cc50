namespace GenWorld.Service.Executors;

/// <summary>Where the service's jobs train (<c>serve --executor</c>).</summary>
public enum ExecutorKind
{
    /// <summary>In the service process, one libtorch thread per job (the default).</summary>
    Local,

    /// <summary>As Slurm batch jobs running <c>genworld-tools train spec</c> on the cluster's nodes.</summary>
    Slurm,
}

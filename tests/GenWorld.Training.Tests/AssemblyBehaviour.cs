// libtorch's seed, thread pool and allocator are process-wide: a test in another collection running beside a
// TrainingRun changed them mid-run, and the tiny GAN fixtures then gave NaN or different losses from run to run.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

using System.CommandLine;
using GenWorld.Service.Executors;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld-tools train spec --spec FILE</c>: what a Slurm job of <c>genworld serve --executor slurm</c> runs on a node.
/// Trains the run the spec describes, resuming from its run folder's newest checkpoint when there is one (a requeued or
/// resubmitted job); progress goes to progress.jsonl and the result to outcome.json for the service, which publishes.
/// </summary>
internal static class TrainSpecCommand
{
    public static Command Create()
    {
        var spec = new Option<FileInfo>("--spec") { Description = "Run spec written by the service (specs/<k>.json in the job's shared folder).", Required = true }.ExistingFile();
        var command = new Command("spec", "Train one run of a service job from its spec file, resuming from its checkpoint (what `serve --executor slurm` submits).") { spec };
        command.SetAction((parse, ct) =>
        {
            string path = parse.GetValue(spec)!.FullName;
            try
            {
                RunSpec loaded = RunSpec.Load(path);
                int code = RunSpecTrainer.Run(loaded, ct);
                if (code != 0) Console.Error.WriteLine($"train spec: {RunOutcome.Load(loaded.RunDir)?.Error}");
                return Task.FromResult(code);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                Console.Error.WriteLine($"train spec: {e.Message}");
                return Task.FromResult(2);
            }
            catch (OperationCanceledException)
            {
                // SIGTERM from scancel or a preemption: checkpointed, no outcome, so a requeue resumes here.
                Console.Error.WriteLine("train spec: stopped by a signal after a checkpoint.");
                return Task.FromResult(143);
            }
        });
        return command;
    }
}

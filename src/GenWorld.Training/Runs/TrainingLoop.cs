using System.Diagnostics;
using TorchSharp;

namespace GenWorld.Training.Runs;

/// <summary>The state of one session of a run (the loop itself lives here so TrainingRun stays a small entry point).</summary>
internal sealed class TrainingLoop(TrainingRunOptions options, ITrainable trainable, RunRandom random, ITrainingProgress progress)
{
    private readonly CheckpointStore _store = new(options.OutDir, options.KeepCheckpoints);
    private readonly double[] _baseLrs = [.. trainable.Optimizers.SelectMany(o => o.ParamGroups).Select(g => g.LearningRate)];
    private readonly Stopwatch _session = Stopwatch.StartNew();
    private readonly LossAccumulator _pending = new();
    private List<HistoryPoint> _history = [];
    private long _step;
    private double _lrScale = 1, _priorSeconds, _rate;
    private int _rollbacks;
    private TimeSpan _lastCheckpoint, _lastPreview;
    private string _latest = "";
    private readonly EarlyStopping? _early = options.EarlyStopPatience is { } patience ? new EarlyStopping(patience) : null;
    private long? _stoppedEarlyAt;
    private double? _heldOutAtStart;
    private bool _watchHeldOut = options.EarlyStopPatience is not null;

    private double TotalSeconds => _priorSeconds + _session.Elapsed.TotalSeconds;

    public TrainingRunResult Run()
    {
        StartOrResume();
        long sessionStartStep = _step;
        // The loss before the first step is the mark to beat (for a fine-tuned model: how the base does on this data).
        if (_early is not null) WatchHeldOut();
        progress.Run($"{trainable.Kind}", report =>
        {
            while (!BudgetDone() && _stoppedEarlyAt is null)
            {
                if (options.Cancellation.IsCancellationRequested)
                {
                    Checkpoint();
                    throw new OperationCanceledException($"{trainable.Kind}: stopped at step {_step} (checkpoint {_latest}).", options.Cancellation);
                }
                IReadOnlyDictionary<string, double> losses;
                using (torch.NewDisposeScope())
                    losses = trainable.Step(_step + 1, random);
                double loss = losses.TryGetValue("loss", out double l) ? l : double.NaN;
                if (!losses.Values.All(double.IsFinite)) { RollBack(loss); continue; }
                _step++;
                _pending.Add(losses);
                if (_pending.Count >= options.HistoryEvery) _history.Add(_pending.Flush(_step));
                double dt = Math.Max(_session.Elapsed.TotalSeconds, 1e-9);
                _rate = (_step - sessionStartStep) / dt;
                report(new TrainingProgressUpdate(_step, Fraction(), loss, _rate, Eta(), losses));
                if (CheckpointDue()) Checkpoint();
                if (options.WritePreviews && _session.Elapsed - _lastPreview >= options.PreviewInterval) Preview();
                if (_watchHeldOut && _step % options.EvaluateEverySteps == 0) WatchHeldOut();
            }
            return 0;
        });
        if (_pending.Count > 0) _history.Add(_pending.Flush(_step));
        Checkpoint();
        if (options.WritePreviews) Preview();
        var report = new TrainingReport
        {
            Kind = trainable.Kind, Seed = options.Seed, Threads = options.Threads, Steps = _step,
            ElapsedSeconds = TotalSeconds, Rollbacks = _rollbacks,
            // A session that resumed at its budget made no steps of its own: report the whole run's rate.
            StepsPerSecond = _rate > 0 ? _rate : _step / Math.Max(TotalSeconds, 1e-9),
            FinalLosses = _history.Count > 0 ? _history[^1].Losses : new Dictionary<string, double>(),
            Metrics = trainable.Evaluate(), Config = trainable.Config, Checkpoint = _latest, EarlyStoppedAtStep = _stoppedEarlyAt,
            HeldOutLossAtStart = _heldOutAtStart,
        };
        report.Save(Path.Combine(options.OutDir, "report.json"));
        return new TrainingRunResult(report, _history);
    }

    private void StartOrResume()
    {
        if (options.Resume)
        {
            var damaged = new List<string>();
            string? latest = _store.LatestIntact(message => { damaged.Add(message); progress.Log(message); });
            if (latest is null)
                throw new TrainingException($"--resume: {options.OutDir} holds no intact checkpoint to resume from{(damaged.Count > 0 ? $" ({damaged.Count} damaged one(s) moved aside: {string.Join(" ", damaged)})" : "")}.");
            Restore(latest);
            progress.Log($"Resumed {trainable.Kind} from {latest} at step {_step}.");
        }
        else
        {
            string? latest = _store.LatestDirectory();
            if (latest is not null)
                throw new TrainingException($"{options.OutDir} already holds a checkpoint ({latest}); pass --resume to continue it or choose another --out.");
            Checkpoint();
        }
    }

    private void Restore(string dir)
    {
        CheckpointState state = CheckpointStore.Load(dir, trainable);
        _step = state.Step;
        random.State = state.RandomState;
        _history = [.. state.History];
        _lrScale = state.LrScale;
        _rollbacks = state.Rollbacks;
        _priorSeconds = state.ElapsedSeconds - _session.Elapsed.TotalSeconds;
        _latest = dir;
        ApplyLearningRates();
    }

    private void RollBack(double loss)
    {
        if (++_rollbacks > options.MaxRollbacks)
            throw new TrainingException($"{trainable.Kind}: loss became {loss} at step {_step + 1} after {options.MaxRollbacks} rollback(s); the run diverges, giving up (last good checkpoint: {_latest}).");
        int rollbacks = _rollbacks;
        double scale = _lrScale * options.RollbackLrFactor, prior = _priorSeconds;
        Restore(_latest);
        // Wall-clock time spent before the rollback still counts against --minutes.
        _rollbacks = rollbacks;
        _priorSeconds = prior;
        _lrScale = scale;
        ApplyLearningRates();
        _pending.Clear();
        // Move the data order on, so the batch that blew up is not replayed bit for bit.
        random.NextUInt64();
        progress.Log($"Non-finite loss ({loss}) at step {_step + 1}: rolled back to step {_step} ({_latest}), learning rate x{_lrScale:G3}.");
    }

    private void ApplyLearningRates()
    {
        int i = 0;
        foreach (var group in trainable.Optimizers.SelectMany(o => o.ParamGroups))
            group.LearningRate = _baseLrs[i++] * _lrScale;
    }

    private void Checkpoint()
    {
        var state = new CheckpointState
        {
            Kind = trainable.Kind, Config = trainable.Config, Step = _step, Seed = options.Seed, RandomState = random.State,
            LrScale = _lrScale, Rollbacks = _rollbacks, ElapsedSeconds = TotalSeconds, History = _history,
        };
        try
        {
            _latest = _store.Save(trainable, state);
        }
        catch (IOException e)
        {
            // A full disk is the usual cause. The store has already removed its half-written folder.
            string kept = _latest.Length > 0 ? $"the last good checkpoint, {_latest}, is kept" : "no checkpoint had been written yet";
            throw new TrainingException(
                $"{trainable.Kind}: could not write the checkpoint at step {_step} under {_store.Root} ({e.Message}). Nothing half-written was left and {kept}. Free some disk space, then continue with --resume.", e);
        }
        _lastCheckpoint = _session.Elapsed;
    }

    private void Preview()
    {
        _lastPreview = _session.Elapsed;
        try
        {
            trainable.WritePreview(Path.Combine(options.OutDir, "previews", $"step-{_step:D9}"), _step);
            TrainingCurves.Save(_history, Path.Combine(options.OutDir, "curves.png"), $"{trainable.Kind} training");
        }
        catch (IOException e)
        {
            // Previews are for people watching; losing one must not stop the run (the next checkpoint still reports a full disk).
            progress.Log($"Preview at step {_step} not written: {e.Message}");
        }
    }

    private void WatchHeldOut()
    {
        if (trainable.HeldOutLoss() is not { } loss)
        {
            _watchHeldOut = false;
            progress.Log($"Early stopping is off: a {trainable.Kind} model has no held-out loss to watch.");
            return;
        }
        _heldOutAtStart ??= loss;
        progress.Log($"Step {_step}: held-out loss {loss:G5} (best {Math.Min(loss, _early!.Best):G5}).");
        if (!_early.Observe(_step, loss)) return;
        _stoppedEarlyAt = _step;
        progress.Log($"Stopped early at step {_step}: the held-out loss has not improved for {_early.Patience} evaluations (best {_early.Best:G5} at step {_early.BestStep}).");
    }

    private bool CheckpointDue() =>
        (options.CheckpointEverySteps is { } every && _step % every == 0) || _session.Elapsed - _lastCheckpoint >= options.CheckpointInterval;

    private bool BudgetDone() =>
        (options.MaxSteps is { } s && _step >= s) || (options.MaxMinutes is { } m && TotalSeconds >= m * 60);

    private double Fraction() => Math.Max(
        options.MaxSteps is { } s ? (double)_step / s : 0,
        options.MaxMinutes is { } m ? TotalSeconds / (m * 60) : 0);

    private TimeSpan Eta()
    {
        double bySteps = options.MaxSteps is { } s && _rate > 0 ? (s - _step) / _rate : double.PositiveInfinity;
        double byTime = options.MaxMinutes is { } m ? m * 60 - TotalSeconds : double.PositiveInfinity;
        double left = Math.Max(0, Math.Min(bySteps, byTime));
        return double.IsFinite(left) ? TimeSpan.FromSeconds(left) : TimeSpan.MaxValue;
    }
}

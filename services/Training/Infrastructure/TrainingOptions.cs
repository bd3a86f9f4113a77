namespace HmisPlatform.Training.Infrastructure;

/// <summary>Training's policy numbers and the sweep's cadence (configuration section <c>Training</c>).</summary>
public sealed class TrainingOptions
{
    /// <summary>A path not finished within this long raises a reminder for the ATA.</summary>
    public TimeSpan FinishWithin { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    public int SweepBatchSize { get; set; } = 100;
}

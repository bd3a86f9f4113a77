using Polly;
using Polly.Retry;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>
/// How the messaging loops wait out a failure (a database or Redis that is away): Polly's exponential backoff with
/// jitter, from the poll interval up to <see cref="MessagingOptions.MaxBackoff"/>, retried for as long as the service
/// runs. Each run of the loop starts from the shortest pause again. Waits run on real time, whatever a test clock says.
/// </summary>
public static class Backoff
{
    public static ResiliencePipeline Forever(MessagingOptions options, Action<Exception, TimeSpan> onFailure) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                // Every failure but the service stopping.
                ShouldHandle = failure => ValueTask.FromResult(failure.Outcome.Exception is not null && !failure.Context.CancellationToken.IsCancellationRequested),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.PollInterval,
                MaxDelay = options.MaxBackoff,
                MaxRetryAttempts = int.MaxValue,
                OnRetry = retry =>
                {
                    onFailure(retry.Outcome.Exception!, retry.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}

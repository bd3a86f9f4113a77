namespace HmisPlatform.Notifications.Domain;

/// <summary>A message as its template rendered it for one recipient.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);

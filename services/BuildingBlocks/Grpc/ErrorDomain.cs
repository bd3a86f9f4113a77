namespace HmisPlatform.BuildingBlocks.Grpc;

/// <summary>The <c>ErrorInfo.domain</c> a service reports, for example <c>hmis.requests</c>.</summary>
public sealed record ErrorDomain(string Name);

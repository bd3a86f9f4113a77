using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.Agencies;

/// <summary>A project of an agency; its type decides which project course its users take.</summary>
public sealed record AgencyProject(string Name, ProjectType ProjectType);

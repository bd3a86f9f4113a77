using System.Text.RegularExpressions;
using Hmis.Common.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.Testing;
using HmisPlatform.Training.Domain.Catalog;

namespace HmisPlatform.Training.Tests.Domain;

/// <summary>
/// An agency system reads which courses a project type brings from the contract itself (each ProjectType value's
/// comment in protos/hmis/common/v1/access.proto); the comments say what the catalog does, for every value.
/// </summary>
public sealed partial class CourseCatalogContractTests
{
    [GeneratedRegex(@"// Courses it adds to a learning path: (?<codes>[A-Z0-9_, ]+)\.\s*\n\s*(?<value>PROJECT_TYPE_[A-Z0-9_]+) = (?<number>\d+);")]
    private static partial Regex DocumentedCourses();

    [Fact]
    public void EveryProjectTypesComment_NamesTheCoursesTheCatalogAddsForIt()
    {
        var contract = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "protos", "hmis", "common", "v1", "access.proto"));
        var documented = DocumentedCourses().Matches(contract).ToDictionary(
            m => (ProjectType)int.Parse(m.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture),
            m => m.Groups["codes"].Value.Split(", ").ToList());

        var types = Enum.GetValues<ProjectType>().Where(t => t != ProjectType.Unspecified).ToList();
        Assert.Equal(types.Order(), documented.Keys.Order());
        Assert.All(types, t => Assert.Equal(CourseCatalog.CoursesFor(t.ToDomain()), documented[t]));
    }
}

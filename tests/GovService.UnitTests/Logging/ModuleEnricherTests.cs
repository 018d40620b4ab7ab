using GovService.Web.Infrastructure.Logging;

namespace GovService.UnitTests.Logging;

public sealed class ModuleEnricherTests
{
    [Theory]
    [InlineData("GovService.Web.Modules.Calendar.Jobs.CalendarCoverageJob", "Calendar")]
    [InlineData("GovService.Web.Modules.Organization.Domain.OrganizationAdmin", "Organization")]
    [InlineData("GovService.Web.Infrastructure.Database.DatabaseInitializer", "Platform")]
    [InlineData("Microsoft.Hosting.Lifetime", "Framework")]
    [InlineData("", "Framework")]
    public void Each_log_line_is_tagged_with_the_module_of_its_source(string source, string module) =>
        Assert.Equal(module, ModuleEnricher.ModuleOf(source));
}

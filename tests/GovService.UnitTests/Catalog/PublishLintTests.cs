using GovService.Web.Modules.Catalog.Domain;

namespace GovService.UnitTests.Catalog;

public sealed class PublishLintTests
{
    private static ItemVersion Valid() => new()
    {
        Name = "食品经营许可（新办）",
        LegalBasis = "《中华人民共和国食品安全法》第三十五条",
        Conditions = "具有与经营的食品品种、数量相适应的经营场所",
        ImplementingBodyCode = "11361131014253041T",
        StatutoryLimit = 20,
        PromisedLimit = 5,
        CaseKind = 2,
        SupervisionPhone = "0793-7321003",
        ConsultPhone = "0793-7321034",
        ServiceObjects = [2],
        Channels = [1, 2],
        Materials = [new Material { Name = "营业执照", Source = MaterialSource.Government, IssuingBody = "市场监督管理部门", Required = true }],
    };

    private static IEnumerable<string> Keys(ItemVersion v) => PublishLint.Check(v).Select(p => p.Key);

    [Fact]
    public void A_consistent_guide_passes() => Assert.Empty(PublishLint.Check(Valid()));

    [Theory]
    [InlineData(GovService.Web.Modules.Catalog.Contracts.BusinessKind.Renewal, ResultType.Other, true)]
    [InlineData(GovService.Web.Modules.Catalog.Contracts.BusinessKind.Change, ResultType.Approval, true)]
    [InlineData(GovService.Web.Modules.Catalog.Contracts.BusinessKind.Renewal, ResultType.Licence, false)]
    [InlineData(GovService.Web.Modules.Catalog.Contracts.BusinessKind.New, ResultType.Other, false)]
    public void A_renewal_or_change_must_have_a_licence_to_replace(GovService.Web.Modules.Catalog.Contracts.BusinessKind kind, ResultType result, bool refused)
    {
        var v = Valid();
        v.BusinessKind = kind;
        v.ResultType = result;

        Assert.Equal(refused, Keys(v).Contains("Lint.SupersedesWithoutLicence"));
    }

    [Fact]
    public void A_multiple_choice_needs_two_options_as_a_choice_does()
    {
        var v = Valid();
        v.Fields = [new FormField { Key = "operating_items", Label = "经营项目", Kind = FieldKind.MultipleChoice, Options = ["热食类食品制售"] }];

        Assert.Equal(["Lint.ChoiceWithoutOptions"], Keys(v));
    }

    [Fact]
    public void A_promise_longer_than_the_statutory_limit_is_refused()
    {
        var v = Valid();
        v.PromisedLimit = 25;

        var problem = Assert.Single(PublishLint.Check(v));
        Assert.Equal("Lint.PromisedExceedsStatutory", problem.Key);
        Assert.Equal([25, 20], problem.Args);
    }

    [Fact]
    public void Natural_days_are_compared_with_the_calendar_time_the_working_days_take()
    {
        var v = Valid();
        v.StatutoryLimit = 20; // working days: at least 28 calendar days
        v.PromisedUnit = TimeUnit.NaturalDay;
        v.PromisedLimit = 28;
        Assert.Empty(PublishLint.Check(v));

        v.PromisedLimit = 29;
        var problem = Assert.Single(PublishLint.Check(v));
        Assert.Equal("Lint.PromisedNaturalExceedsStatutoryWorking", problem.Key);
        Assert.Equal([29, 20, 28], problem.Args);
    }

    [Fact]
    public void Working_days_promised_against_natural_days_in_law_are_compared_in_calendar_days_too()
    {
        var v = Valid();
        v.StatutoryUnit = TimeUnit.NaturalDay;
        v.StatutoryLimit = 10;
        v.PromisedUnit = TimeUnit.WorkingDay;
        v.PromisedLimit = 10; // ten working days take two calendar weeks: longer than ten calendar days

        var problem = Assert.Single(PublishLint.Check(v));
        Assert.Equal("Lint.PromisedWorkingExceedsStatutoryNatural", problem.Key);
        Assert.Equal([10, 14, 10], problem.Args);

        v.PromisedLimit = 7; // about ten calendar days
        Assert.Empty(PublishLint.Check(v));

        v.PromisedLimit = 8;
        Assert.NotEmpty(PublishLint.Check(v));
    }

    [Fact]
    public void An_immediate_item_with_promised_days_is_refused()
    {
        var v = Valid();
        v.CaseKind = 1;

        Assert.Contains("Lint.ImmediateWithPromisedDays", Keys(v));
    }

    [Fact]
    public void An_immediate_item_needs_no_time_limits()
    {
        var v = Valid();
        v.CaseKind = 1;
        v.PromisedLimit = 0;
        v.StatutoryLimit = 0;

        Assert.Empty(PublishLint.Check(v));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var v = Valid();
        v.PromisedLimit = 30;
        v.SupervisionPhone = "";
        v.Materials.Add(new Material { Name = "租赁合同", Source = MaterialSource.Unknown });
        v.Materials.Add(new Material { Name = "申请书", Source = MaterialSource.Applicant, IsForm = true });
        v.Fields.Add(new FormField { Label = "经营类别", Kind = FieldKind.Choice, Options = ["餐饮服务"] });

        Assert.Equal(
            ["Lint.PromisedExceedsStatutory", "Lint.NoSupervisionPhone", "Lint.MaterialWithoutSource", "Lint.FormWithoutBlank", "Lint.ChoiceWithoutOptions"],
            Keys(v));
    }

    [Fact]
    public void A_government_issued_material_must_name_its_issuer()
    {
        var v = Valid();
        v.Materials[0].IssuingBody = "";

        Assert.Equal(["Lint.MaterialWithoutIssuingBody"], Keys(v));
    }

    [Fact]
    public void A_form_with_its_blank_downloadable_passes()
    {
        var v = Valid();
        v.Materials.Add(new Material { Name = "申请书", Source = MaterialSource.Applicant, IsForm = true, BlankFormFileId = Guid.NewGuid() });

        Assert.Empty(PublishLint.Check(v));
    }

    [Fact]
    public void A_published_version_cannot_be_edited()
    {
        var v = Valid();
        v.Status = VersionStatus.Published;

        Assert.Throws<InvalidOperationException>(v.EnsureEditable);
    }
}

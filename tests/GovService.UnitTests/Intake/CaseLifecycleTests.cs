using System.Linq.Expressions;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.Status;
using Microsoft.EntityFrameworkCore;

namespace GovService.UnitTests.Intake;

public sealed class CaseLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void An_online_application_is_submitted_accepted_reviewed_approved_and_delivered()
    {
        var c = new Case();
        foreach (var next in new[] { CaseState.Submitted, CaseState.Accepted, CaseState.InReview, CaseState.Approved, CaseState.AwaitingDelivery })
        {
            c.MoveTo(next, Now);
        }

        Assert.Equal(CaseState.AwaitingDelivery, c.State);
        Assert.Equal(Now, c.AcceptedAt);
        Assert.True(c.IsOpen);
        Assert.True(c.CanMoveTo(CaseState.Completed)); // delivered through CaseClosure (integration tests)
    }

    [Theory]
    [InlineData(CaseState.AwaitingDelivery, CaseState.Completed)]
    [InlineData(CaseState.InReview, CaseState.Withdrawn)]
    [InlineData(CaseState.InReview, CaseState.Denied)]
    [InlineData(CaseState.AcceptedWithDeficiency, CaseState.Terminated)]
    [InlineData(CaseState.Submitted, CaseState.NotAccepted)]
    public void A_case_reaches_a_final_state_only_through_the_closure_which_closes_its_work(CaseState from, CaseState final)
    {
        var c = new Case { State = from, AcceptedAt = from == CaseState.Submitted ? null : Now };

        Assert.True(CaseLifecycle.IsFinal(final));
        Assert.True(c.CanMoveTo(final));
        var refused = Assert.Throws<InvalidOperationException>(() => c.MoveTo(final, Now));
        Assert.Contains("CaseClosure", refused.Message, StringComparison.Ordinal);
        Assert.Equal(from, c.State);
        Assert.Null(c.ClosedAt);
    }

    [Fact]
    public void The_final_states_are_exactly_those_a_case_never_leaves()
    {
        var final = Enum.GetValues<CaseState>().Where(CaseLifecycle.IsFinal).ToList();
        var dead = Enum.GetValues<CaseState>().Where(s => Enum.GetValues<CaseState>().All(next => !CaseLifecycle.Allows(s, next, accepted: true) && !CaseLifecycle.Allows(s, next, accepted: false))).ToList();

        Assert.Equal(dead, final);
        Assert.All(Enum.GetValues<CaseState>(), s => Assert.Equal(s is not CaseState.Draft && !final.Contains(s), new Case { State = s }.IsOpen));
    }

    [Theory]
    [InlineData(false, false, CaseState.SupplementRequested, CaseState.Submitted)] // one-time notice: back to pre-review
    [InlineData(true, true, CaseState.SupplementRequested, CaseState.InReview)] // 补正 in review: the clock resumes
    [InlineData(true, false, CaseState.AcceptedWithDeficiency, CaseState.Accepted)] // 容缺, not taken up yet: a plain acceptance
    [InlineData(true, true, CaseState.AcceptedWithDeficiency, CaseState.InReview)] // 容缺 the back office reviews already
    public void Once_everything_owed_is_supplied_the_case_goes_where_it_was_going(bool accepted, bool inReview, CaseState owing, CaseState next)
    {
        var c = new Case { State = owing, AcceptedAt = accepted ? Now : null, ReviewStartedAt = inReview ? Now : null };

        Assert.Equal(next, c.StateAfterSupply());
        c.MoveTo(next, Now);
    }

    [Fact]
    public void A_case_that_owes_nothing_has_no_state_after_a_supply()
    {
        Assert.Throws<InvalidOperationException>(() => new Case { State = CaseState.InReview, AcceptedAt = Now }.StateAfterSupply());
    }

    [Fact]
    public void A_case_cannot_be_approved_before_it_is_accepted()
    {
        var c = new Case();
        c.MoveTo(CaseState.Submitted, Now);

        Assert.Throws<InvalidOperationException>(() => c.MoveTo(CaseState.Approved, Now));
        Assert.Equal(CaseState.Submitted, c.State);
    }

    [Fact]
    public void A_supplement_before_acceptance_returns_to_pre_review_and_after_acceptance_to_review()
    {
        var before = new Case();
        before.MoveTo(CaseState.Submitted, Now);
        before.MoveTo(CaseState.SupplementRequested, Now);
        Assert.False(before.CanMoveTo(CaseState.InReview));
        before.MoveTo(CaseState.Submitted, Now);

        var after = new Case();
        after.MoveTo(CaseState.Accepted, Now);
        after.MoveTo(CaseState.InReview, Now);
        after.MoveTo(CaseState.SupplementRequested, Now);
        Assert.False(after.CanMoveTo(CaseState.Submitted));
        after.MoveTo(CaseState.InReview, Now);
    }

    [Fact]
    public void A_deficient_acceptance_is_terminated_when_the_material_never_comes()
    {
        var c = new Case();
        c.MoveTo(CaseState.AcceptedWithDeficiency, Now);

        Assert.True(c.CanMoveTo(CaseState.Terminated)); // by the sweep job, through CaseClosure (integration tests)
        Assert.False(c.CanMoveTo(CaseState.Approved));
    }

    [Theory]
    [InlineData(CaseState.Completed)]
    [InlineData(CaseState.NotAccepted)]
    [InlineData(CaseState.Withdrawn)]
    public void A_closed_case_cannot_be_withdrawn_or_reopened(CaseState closed)
    {
        var c = new Case { State = closed };

        Assert.False(c.CanMoveTo(CaseState.Withdrawn));
        Assert.False(c.CanMoveTo(CaseState.InReview));
    }

    [Fact]
    public void Query_codes_are_six_unambiguous_characters_and_differ()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => Case.NewQueryCode()).ToList();

        Assert.All(codes, c => Assert.Matches("^[2-9A-HJ-NP-Z]{6}$", c));
        Assert.True(codes.Distinct().Count() > 195);
    }

    [Theory]
    [InlineData("张伟", ApplicantKind.Person, "张*")]
    [InlineData("李秀英", ApplicantKind.Person, "李*英")]
    [InlineData("欧阳小明", ApplicantKind.Person, "欧**明")]
    [InlineData("云溪县桃源餐饮店", ApplicantKind.Organisation, "云溪****饮店")]
    public void The_public_lookup_masks_the_applicant(string name, ApplicantKind kind, string masked) =>
        Assert.Equal(masked, CaseStatusLookup.Mask(name, kind));

    [Fact]
    public void Whose_application_is_the_same_rule_in_a_query_and_on_a_loaded_case()
    {
        Guid citizen = Guid.NewGuid(), agent = Guid.NewGuid(), stranger = Guid.NewGuid();
        var own = new Case { ApplicantUserId = citizen };
        var filedByAgent = new Case { ApplicantUserId = citizen, AgentUserId = agent };
        var forSomeoneWithoutAccount = new Case { AgentUserId = agent };
        Case[] cases = [own, filedByAgent, forSomeoneWithoutAccount];

        foreach (var (user, asAgent, expected) in new[]
                 {
                     (citizen, false, new[] { own }),           // not the one an agent filed in their name
                     (agent, true, [filedByAgent, forSomeoneWithoutAccount]),
                     (agent, false, []),                        // an agent applying as a citizen sees only their own
                     (citizen, true, []),
                     (stranger, false, []),
                     (stranger, true, []),
                 })
        {
            Assert.Equal(expected, cases.AsQueryable().Where(Case.FiledBy(user, asAgent)));
            Assert.Equal(expected, cases.Where(c => c.IsFiledBy(user, asAgent)));

            // The form page's compiled query has the rule inlined where its placeholder stands.
            var inlined = Expressions.Inline<Expression<Func<Case, Guid, bool>>>((c, me) => FiledBy(c, me) && c.Number == null, nameof(FiledBy), Case.FiledByUser(asAgent)).Compile();
            Assert.Equal(expected, cases.Where(c => inlined(c, user)));
        }
    }

    private static bool FiledBy(Case c, Guid user) => throw new InvalidOperationException("replaced before it runs");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Whose_application_is_a_parameter_of_the_statement_not_part_of_its_text(bool asAgent)
    {
        // A user id written into the SQL would make a new statement (and a new cached query) per user.
        using var db = SqlOnlyContext.Create();
        var user = Guid.NewGuid();

        var sql = db.Set<Case>().Where(Case.FiledBy(user, asAgent)).ToQueryString();

        var statement = string.Join("\n", sql.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal)));
        Assert.DoesNotContain(user.ToString(), statement, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(asAgent ? "agent_user_id = @" : "applicant_user_id = @", statement, StringComparison.Ordinal);
    }
}

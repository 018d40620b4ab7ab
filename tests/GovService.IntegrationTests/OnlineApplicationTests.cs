using System.Globalization;
using System.Net;
using System.Text.Json;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed class OnlineApplicationTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<KeyValuePair<string, string>> Form(Guid key, string action, string businessFormat = "餐饮服务经营者") =>
    [
        new("ApplicationKey", key.ToString()), new("ContactMobile", Demo.CitizenMobile), new("action", action),
        new("Fields[operator_name]", "云溪县城关镇张记米粉店"), new("Fields[operator_code]", Demo.CitizenId), new("Fields[operating_address]", "云溪特色米粉现场制售（人民大道126号）"),
        new("Fields[business_format]", businessFormat), new("Fields[operating_items]", "热食类食品制售"),
        new("Fields[operating_area]", "86.5"), new("Fields[safety_manager]", "张伟"), new("Fields[online_sales]", "false"),
    ];

    /// <summary>A scan for each material the food licence requires (the health certificate, 容缺-allowed, may wait).</summary>
    public static IEnumerable<TestFile> RequiredScans() => Enumerable.Range(1, 5).Select(p => TestFile.Pdf($"material-{p}", $"材料{p}.pdf"));

    private static Task<HttpResponseMessage> ApplyAsync(Browser browser, Guid key, string action, List<KeyValuePair<string, string>>? form = null, IEnumerable<TestFile>? files = null, string page = $"/apply/{FoodLicence}") =>
        browser.PostMultipartAsync(page, $"/apply/{FoodLicence}", form ?? Form(key, action), files ?? (action == "submit" ? RequiredScans() : []));

    private static Guid KeyOf(string html) =>
        Guid.Parse(System.Text.RegularExpressions.Regex.Match(html, "name=\"ApplicationKey\" value=\"([0-9a-f-]{36})\"").Groups[1].Value);

    [Fact]
    public async Task A_citizen_saves_a_draft_comes_back_to_it_and_submits_it()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var key = KeyOf(await zhang.GetPageAsync($"/apply/{FoodLicence}"));

        var saved = await ApplyAsync(zhang, key, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var resumed = await zhang.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("云溪特色米粉现场制售", resumed, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"draft\"", await zhang.GetPageAsync("/my/cases"), StringComparison.Ordinal);

        var submitted = await ApplyAsync(zhang, key, "submit", page: $"/apply/{FoodLicence}?key={key}");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var application = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == key));
        Assert.Equal(CaseState.Submitted, application.State);
        Assert.Equal(2, application.Channel);
        Assert.Equal("86.5", application.FormData["operating_area"]);
        Assert.Equal($"/my/cases/{application.Number}", submitted.Headers.Location!.OriginalString);
        // The draft saved and then submitted: the submission is a change of the draft, before and after.
        var trail = await portal.WithDbAsync(db => db.Set<GovService.Web.Infrastructure.Auditing.AuditEntry>()
            .Where(e => e.EntityType == "Case" && e.EntityId == key.ToString()).ToListAsync());
        var submission = Assert.Single(trail, e => e.After != null && e.After.Contains("\"State\": 2", StringComparison.Ordinal));
        Assert.Equal("Modified", submission.Action);
        Assert.Contains("\"State\": 1", submission.Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_concurrent_submits_of_one_application_make_one_case_with_one_number()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var page = await zhang.GetPageAsync($"/apply/{FoodLicence}");
        var key = KeyOf(page);
        var token = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var content = new MultipartFormDataContent();
            foreach (var (name, value) in Form(key, "submit").Append(new("__RequestVerificationToken", token)))
            {
                content.Add(new StringContent(value), name);
            }

            foreach (var scan in RequiredScans())
            {
                content.Add(new ByteArrayContent(scan.Content) { Headers = { ContentType = new("application/pdf") } }, scan.Field, scan.Name);
            }

            return await zhang.Client.PostAsync(new Uri($"/apply/{FoodLicence}", UriKind.Relative), content);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var cases = await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.ItemVersionId != Guid.Empty && c.Channel == 2).ToListAsync());
        var application = Assert.Single(cases);
        Assert.Equal("3611312026112300001", application.Number);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<CaseCounter>().Select(c => c.Last).SingleAsync()));
        Assert.Equal(5, await portal.WithDbAsync(db => db.Set<CaseFile>().CountAsync(f => f.CaseId == key)));
        // The audit trail has the submission (a complete first post: the case written once, already submitted)
        // and, written with the draw, the number: who, before, after; nothing of the nineteen other posts.
        var trail = await portal.WithDbAsync(db => db.Set<GovService.Web.Infrastructure.Auditing.AuditEntry>()
            .Where(e => e.EntityType == "Case" && e.EntityId == key.ToString()).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["Added", "Modified"], trail.Select(e => e.Action));
        var (created, numbered) = (trail[0], trail[1]);
        Assert.Contains("\"State\": 2", created.After, StringComparison.Ordinal);
        Assert.Null(created.Before);
        Assert.Contains("3611312026112300001", numbered.After, StringComparison.Ordinal);
        Assert.Equal(Demo.CitizenId, numbered.UserName);
        Assert.Equal("{\"Number\": null}", numbered.Before);
        var fileEntries = await portal.WithDbAsync(db => db.Set<GovService.Web.Infrastructure.Auditing.AuditEntry>()
            .Where(e => e.EntityType == "CaseFile" && e.Action == "Added").ToListAsync());
        Assert.Equal(5, fileEntries.Count(e => e.After!.Contains(key.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task After_99999_cases_in_a_day_the_number_grows_a_digit_and_is_never_cut_short()
    {
        await portal.WithDbAsync(async db =>
        {
            db.Add(new CaseCounter { Region = "361131", Day = new DateOnly(2026, 11, 23), Last = 99_998 });
            await db.SaveChangesAsync();
            return 0;
        });
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);

        // The written-once path (a complete first post), then the general one (a draft submitted later).
        var first = KeyOf(await zhang.GetPageAsync($"/apply/{FoodLicence}"));
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(zhang, first, "submit")).StatusCode);
        var second = KeyOf(await zhang.GetPageAsync($"/apply/{FoodLicence}"));
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(zhang, second, "save")).StatusCode);
        var submitted = await ApplyAsync(zhang, second, "submit", page: $"/apply/{FoodLicence}?key={second}");

        Assert.Equal("/my/cases/36113120261123100000", submitted.Headers.Location!.OriginalString);
        var numbers = await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == first || c.Id == second).OrderBy(c => c.Number!.Length).Select(c => c.Number).ToListAsync());
        Assert.Equal(["3611312026112399999", "36113120261123100000"], numbers);
        Assert.Contains("36113120261123100000", await zhang.GetPageAsync("/my/cases/36113120261123100000"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_whose_case_another_post_is_writing_waits_for_it_and_answers_with_that_case()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var key = KeyOf(await zhang.GetPageAsync($"/apply/{FoodLicence}"));
        var me = await portal.WithDbAsync(db => db.Users.Where(u => u.UserName == Demo.CitizenId).Select(u => u.Id).SingleAsync());
        var countersBefore = await portal.WithDbAsync(db => db.Set<CaseCounter>().SumAsync(c => c.Last));

        // "Another post" of the same form: its case is inserted and not committed yet when this post arrives.
        await using var scope = portal.Services.CreateAsyncScope();
        var other = scope.ServiceProvider.GetRequiredService<GovService.Web.Infrastructure.Data.GovDbContext>();
        await using var transaction = await other.Database.BeginTransactionAsync();
        other.Add(new Case
        {
            Id = key, Number = "3611312026112300777", BasicCode = "000104004000", ItemName = "食品经营许可", ApplicantUserId = me,
            ApplicantName = "张伟", ApplicantIdNumber = "361131199001011234", Channel = 2, State = CaseState.Submitted,
            CreatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
        });
        await other.SaveChangesAsync();

        var post = ApplyAsync(zhang, key, "submit");
        // The post's batch (its case's insert, tagged as the written-once path's; the general path's draft insert
        // would wait too, under its own tag) waits on the key the other post holds, before its number is drawn.
        var waiting = 0;
        for (var i = 0; i < 100 && waiting == 0; i++)
        {
            await Task.Delay(100);
            waiting = await portal.WithDbAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND query LIKE {"-- " + GovService.Web.Modules.Intake.OnlineApplication.ApplyOnline.WrittenOnce + "\nINSERT INTO \"gov\".\"int_cases\"%"}").SingleAsync());
        }

        Assert.Equal(1, waiting);
        Assert.False(post.IsCompleted);
        await transaction.CommitAsync();
        var response = await post;

        // Refused by the key, nothing of it written; the general path found the other post's case and answers with it.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/my/cases/3611312026112300777", response.Headers.Location!.OriginalString);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Set<CaseFile>().CountAsync(f => f.CaseId == key)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Set<CaseStep>().CountAsync(s => s.CaseId == key)));
        Assert.Equal(countersBefore, await portal.WithDbAsync(db => db.Set<CaseCounter>().SumAsync(c => c.Last)));
    }

    [Fact]
    public async Task A_form_submitted_at_once_makes_the_same_case_as_a_draft_submitted_later()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        // A contact number other than the account's: the case must take the one typed on the form.
        List<KeyValuePair<string, string>> Typed(Guid key, string action) =>
            [.. Form(key, action).Select(p => p.Key == "ContactMobile" ? new(p.Key, "13912345678") : p)];
        var atOnce = KeyOf(await zhang.GetPageAsync($"/apply/{FoodLicence}"));
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(zhang, atOnce, "submit", Typed(atOnce, "submit"))).StatusCode);
        var later = KeyOf(await zhang.GetPageAsync($"/apply/{FoodLicence}"));
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(zhang, later, "save", Typed(later, "save"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(zhang, later, "submit", Typed(later, "submit"), page: $"/apply/{FoodLicence}?key={later}")).StatusCode);

        // Every column alike but the ones each case has its own of.
        string[] own = [nameof(Case.Id), nameof(Case.Number), nameof(Case.QueryCode), nameof(Case.CreatedAt), nameof(Case.SubmittedAt), nameof(Case.RowVersion)];
        await portal.WithDbAsync(async db =>
        {
            var first = await db.Set<Case>().SingleAsync(c => c.Id == atOnce);
            var second = await db.Set<Case>().SingleAsync(c => c.Id == later);
            Assert.Equal(CaseState.Submitted, first.State);
            Assert.Equal("13912345678", first.ContactMobile);
            Assert.NotNull(first.Number);
            Assert.NotNull(first.SubmittedAt);
            Assert.InRange(first.SubmittedAt!.Value - first.CreatedAt, TimeSpan.Zero, TimeSpan.FromSeconds(5));
            foreach (var property in db.Entry(first).Properties.Where(p => !own.Contains(p.Metadata.Name)))
            {
                Assert.True(
                    Equals(property.CurrentValue, db.Entry(second).Property(property.Metadata.Name).CurrentValue)
                        || (property.CurrentValue is Dictionary<string, string> a && a.OrderBy(x => x.Key).SequenceEqual(((Dictionary<string, string>)db.Entry(second).Property(property.Metadata.Name).CurrentValue!).OrderBy(x => x.Key))),
                    $"{property.Metadata.Name}: {property.CurrentValue} (submitted at once) ≠ {db.Entry(second).Property(property.Metadata.Name).CurrentValue} (draft first)");
            }

            var files = await db.Set<CaseFile>().Where(f => (f.CaseId == atOnce || f.CaseId == later) && f.ReplacedAt == null)
                .Select(f => new { f.CaseId, f.Position, f.MaterialName, f.FileName, f.ContentType, f.Sha256, f.Length, f.UploadedByUserId }).ToListAsync();
            Assert.Equal(5, files.Count(f => f.CaseId == atOnce));
            Assert.Equal(
                files.Where(f => f.CaseId == later).Select(f => (f.Position, f.MaterialName, f.FileName, f.ContentType, f.Sha256, f.Length, f.UploadedByUserId)).Order(),
                files.Where(f => f.CaseId == atOnce).Select(f => (f.Position, f.MaterialName, f.FileName, f.ContentType, f.Sha256, f.Length, f.UploadedByUserId)).Order());
            var steps = await db.Set<CaseStep>().Where(s => s.CaseId == atOnce || s.CaseId == later).ToListAsync();
            var step = Assert.Single(steps, s => s.CaseId == atOnce);
            var stepLater = Assert.Single(steps, s => s.CaseId == later);
            Assert.Equal((stepLater.Action, stepLater.State, stepLater.HandlerName, stepLater.Note), (step.Action, step.State, step.HandlerName, step.Note));

            // Written once: the case's trail is its submission (no draft before it), then its number; the
            // submission records the whole case as the draft's path records it when the draft is submitted.
            var trail = await db.Set<GovService.Web.Infrastructure.Auditing.AuditEntry>()
                .Where(e => e.EntityType == "Case" && (e.EntityId == atOnce.ToString() || e.EntityId == later.ToString())).OrderBy(e => e.Id).ToListAsync();
            var written = trail.Where(e => e.EntityId == atOnce.ToString()).ToList();
            Assert.Equal(["Added", "Modified"], written.Select(e => e.Action));
            Assert.Equal($"{{\"Number\": \"{first.Number}\"}}", written[1].After);
            var after = JsonDocument.Parse(written[0].After!).RootElement;
            var draft = JsonDocument.Parse(trail.Last(e => e.EntityId == later.ToString() && e.Action == "Modified" && e.After!.Contains("\"State\": 2", StringComparison.Ordinal)).After!).RootElement;
            Assert.Equal(
                draft.EnumerateObject().Select(p => p.Name).Order(),
                after.EnumerateObject().Select(p => p.Name).Order());
            foreach (var name in (string[])["State", "ItemId", "ItemVersionId", "ApplicantName", "ContactMobile", "Channel", "HallId", "FormData"])
            {
                Assert.Equal(draft.GetProperty(name).GetRawText(), after.GetProperty(name).GetRawText());
            }

            // Its files' entries are those of a save: content recorded by length and hash, not copied.
            var fileEntries = (await db.Set<GovService.Web.Infrastructure.Auditing.AuditEntry>().Where(e => e.EntityType == "CaseFile").ToListAsync())
                .Where(e => e.After!.Contains(atOnce.ToString(), StringComparison.Ordinal)).ToList();
            Assert.Equal(5, fileEntries.Count);
            Assert.All(fileEntries, e => Assert.Matches("\"Content\": \"\\d+ bytes, sha256 [0-9a-f]{64}\"", e.After));
            return 0;
        });
        var number = await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == atOnce).Select(c => c.Number).SingleAsync());
        Assert.Contains(number!, await zhang.GetPageAsync("/my/cases"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_or_invalid_answers_are_named_and_the_typed_values_kept()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var key = KeyOf(await zhang.GetPageAsync($"/apply/{FoodLicence}"));
        var form = Form(key, "submit", businessFormat: "不存在的业态");
        form.RemoveAll(f => f.Key == "Fields[safety_manager]");

        var response = await ApplyAsync(zhang, key, "submit", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("格式不正确", html, StringComparison.Ordinal);
        Assert.Contains("请填写", html, StringComparison.Ordinal);
        Assert.Contains("云溪特色米粉现场制售", html, StringComparison.Ordinal);

        // Nothing is lost: the answers and the scans wait in the draft, which was not submitted.
        var draft = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == key));
        Assert.Equal(CaseState.Draft, draft.State);
        Assert.Null(draft.Number);
        Assert.Equal(5, await portal.WithDbAsync(db => db.Set<CaseFile>().CountAsync(f => f.CaseId == key)));
        Assert.Contains("data-testid=\"uploaded-1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_citizen_cannot_take_over_a_draft_by_its_key()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var key = KeyOf(await zhang.GetPageAsync($"/apply/{FoodLicence}"));
        await ApplyAsync(zhang, key, "save");

        using var li = portal.NewBrowser();
        await li.LoginAsync("13900139000");
        Assert.NotEqual(key, KeyOf(await li.GetPageAsync($"/apply/{FoodLicence}?key={key}")));
        var response = await ApplyAsync(li, key, "submit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CaseState.Draft, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == key).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task A_second_application_can_start_from_what_the_citizen_wrote_the_first_time()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var first = KeyOf(await zhang.GetPageAsync($"/apply/{FoodLicence}"));
        await ApplyAsync(zhang, first, "submit");
        var number = await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == first).Select(c => c.Number).SingleAsync());

        var fresh = await zhang.GetPageAsync($"/apply/{FoodLicence}");
        Assert.Contains("data-testid=\"copy-from\"", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("云溪特色米粉现场制售", fresh, StringComparison.Ordinal);

        var copied = await zhang.GetPageAsync($"/apply/{FoodLicence}?key={KeyOf(fresh)}&copyFrom={number}");
        Assert.Contains("云溪特色米粉现场制售", copied, StringComparison.Ordinal);
        Assert.NotEqual(first, KeyOf(copied));
    }

    [Fact]
    public async Task Nobody_copies_another_citizens_application()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var first = KeyOf(await zhang.GetPageAsync($"/apply/{FoodLicence}"));
        await ApplyAsync(zhang, first, "submit");
        var number = await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == first).Select(c => c.Number).SingleAsync());

        using var li = portal.NewBrowser();
        await li.LoginAsync("13900139000");
        Assert.DoesNotContain("云溪特色米粉现场制售", await li.GetPageAsync($"/apply/{FoodLicence}?copyFrom={number}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_is_one_form_that_makes_one_linked_case_per_item_even_when_posted_twice()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var page = await zhang.GetPageAsync("/apply/bundle/YJS-002");
        var key = KeyOf(page);
        var slots = System.Text.RegularExpressions.Regex.Count(page, "type=\"file\"");
        Assert.Contains("data-testid=\"bundle-items\"", page, StringComparison.Ordinal);
        var fieldKeys = System.Text.RegularExpressions.Regex.Matches(page, "name=\"Fields\\[([a-z_0-9]+)\\]\"").Select(m => m.Groups[1].Value).Distinct().ToList();

        // Shared materials are asked for once: fewer slots than the items' lists together.
        var listed = await portal.WithDbAsync(db => db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM gov.cat_item_materials m JOIN gov.cat_item_versions v ON v.id = m.version_id JOIN gov.cat_items i ON i.id = v.item_id
            WHERE v.status = 2 AND i.basic_code IN ('000104001000', '000104004000', '000108002000', '000108003000')
            """).SingleAsync());
        Assert.True(slots < listed, $"{slots} slots for {listed} listed materials");

        var form = new List<KeyValuePair<string, string>> { new("ApplicationKey", key.ToString()), new("ContactMobile", Demo.CitizenMobile), new("action", "submit") };
        var html = page;
        foreach (var field in fieldKeys)
        {
            var select = System.Text.RegularExpressions.Regex.Match(html, $"name=\"Fields\\[{field}\\]\" class=\"form-select\"><option value=\"\">—</option>\\s*<option value=\"([^\"]+)\"");
            var number = html.Contains($"name=\"Fields[{field}]\" type=\"number\"", StringComparison.Ordinal);
            var date = html.Contains($"name=\"Fields[{field}]\" type=\"date\"", StringComparison.Ordinal);
            var tick = System.Text.RegularExpressions.Regex.Match(html, $"type=\"checkbox\" id=\"[^\"]+\" name=\"Fields\\[{field}\\]\" value=\"([^\"]+)\"");
            var code = System.Text.RegularExpressions.Regex.IsMatch(html, $"name=\"Fields\\[{field}\\]\"[^>]*maxlength=\"18\"");
            var answer = select.Success ? select.Groups[1].Value : tick.Success ? tick.Groups[1].Value : number ? "20" : date ? "2026-12-01" : code ? Demo.CitizenId : "云溪米粉店";
            form.Add(new($"Fields[{field}]", System.Net.WebUtility.HtmlDecode(answer)));
        }

        var scans = Enumerable.Range(1, slots).Select(n => TestFile.Pdf($"material-{n}", $"材料{n}.pdf")).ToList();
        var first = await zhang.PostMultipartAsync("/apply/bundle/YJS-002", "/apply/bundle/YJS-002", form, scans);
        Assert.True(first.StatusCode == HttpStatusCode.Redirect, await first.Content.ReadAsStringAsync());
        var again = await zhang.PostMultipartAsync("/apply/bundle/YJS-002", "/apply/bundle/YJS-002", form, scans);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var cases = await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.BundleKey == key).ToListAsync());
        Assert.Equal(4, cases.Count);
        Assert.All(cases, c => Assert.Equal(CaseState.Submitted, c.State));
        Assert.All(cases, c => Assert.Equal("开办餐饮店一件事", c.BundleName));
        Assert.Equal(4, cases.Select(c => c.Number).Distinct().Count());
        var food = cases.Single(c => c.BasicCode == FoodLicence);
        Assert.True(await portal.WithDbAsync(db => db.Set<CaseFile>().CountAsync(f => f.CaseId == food.Id)) >= 5);

        var mine = await zhang.GetPageAsync($"/my/cases/{food.Number}");
        Assert.Contains("data-testid=\"linked\"", mine, StringComparison.Ordinal);
        Assert.Contains("个体工商户设立登记", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_applies_for_a_citizen_within_the_mandate_they_signed_and_the_citizen_sees_the_case()
    {
        using var agent = portal.NewBrowser();
        await agent.LoginAsync("agent");
        var key = KeyOf(await agent.GetPageAsync($"/apply/{FoodLicence}"));
        var form = Form(key, "submit");
        form.Add(new("ApplicantName", "李秀英"));
        form.Add(new("ApplicantIdNumber", "361131199003150042")); // wrong check character

        var wrongId = await ApplyAsync(agent, key, "submit", form);
        Assert.Equal(HttpStatusCode.OK, wrongId.StatusCode);
        Assert.Contains("校验位不正确", await wrongId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.Id == key)));

        form.RemoveAll(f => f.Key == "ApplicantIdNumber");
        form.Add(new("ApplicantIdNumber", "361131199003150041"));
        // 委托代办: without the applicant's mandate the agent is refused, the form comes back as typed, nothing is kept.
        var noMandate = await ApplyAsync(agent, key, "submit", form, RequiredScans());
        Assert.Equal(HttpStatusCode.Forbidden, noMandate.StatusCode);
        var refused = await noMandate.Content.ReadAsStringAsync();
        Assert.Contains("该申请人没有委托您代办", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"361131199003150041\"", refused, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.Id == key)));

        // 李秀英 signs a mandate for 食品经营许可 at the 桃源村 station; the agent records it with its scan.
        var today = portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostMultipartAsync("/agent/mandates/new", "/agent/mandates/new",
            [new("CitizenName", "李秀英"), new("CitizenIdNumber", "361131199003150041"), new("CitizenMobile", "13900139000"), new("Scope", "Item"), new("ScopeCode", FoodLicence),
             new("StartsOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("ExpiresOn", today.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
            [TestFile.Pdf("SignedScan", "授权委托书.pdf")])).StatusCode);

        var submitted = await ApplyAsync(agent, key, "submit", form, RequiredScans());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var filed = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == key));
        Assert.Equal(CaseState.Submitted, filed.State);
        Assert.Equal("李秀英", filed.ApplicantName);
        Assert.NotNull(filed.AgentUserId);
        Assert.NotNull(filed.ApplicantUserId);
        Assert.Contains("赵大伟（代办）", await agent.GetPageAsync($"/my/cases/{filed.Number}"), StringComparison.Ordinal);

        using var li = portal.NewBrowser();
        await li.LoginAsync("13900139000");
        Assert.Contains(filed.Number!, await li.GetPageAsync("/my/cases"), StringComparison.Ordinal);
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        Assert.Equal(HttpStatusCode.NotFound, (await zhang.GetAsync($"/my/cases/{filed.Number}")).StatusCode);
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("admin")]
    public async Task Staff_do_not_apply_as_citizens(string account)
    {
        using var staff = portal.NewBrowser();
        await staff.LoginAsync(account);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/apply/{FoodLicence}")).StatusCode);
    }
}

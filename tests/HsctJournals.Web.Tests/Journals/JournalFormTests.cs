using System.Net;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Journals;

/// <summary>The journal form renders its fields through the shared field tag helper, on each database.</summary>
public abstract class JournalFormTests(AppFactory app)
{
    [Fact]
    public async Task The_new_journal_form_has_typed_labelled_text_inputs()
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync());

        var html = (await Forms.GetAsync(client, "/journals/new")).Html;

        Assert.Contains("<label for=\"Input_Title\">Title *</label>", html);
        Assert.Contains($"<input aria-required=\"true\" id=\"Input_Title\" maxlength=\"{Journal.TitleMaxLength}\" name=\"Input.Title\" required=\"required\" type=\"text\" value=\"\" />", html);
        Assert.Contains("<input aria-describedby=\"Input_Slug-hint\" id=\"Input_Slug\" name=\"Input.Slug\" type=\"text\" />", html);
        Assert.Contains("<p class=\"hint\" id=\"Input_Slug-hint\">", html);
        Assert.Contains("name=\"Input.Tagline\" type=\"text\"", html);
    }

    [Fact]
    public async Task A_settings_error_is_tied_to_its_field_and_keeps_what_was_typed()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var client = await app.SignedInClientAsync(owner);
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/settings");

        var response = await form.PostAsync(client, new()
        {
            ["Input.Title"] = "", ["Input.Tagline"] = "Kept <tagline>", ["Input.Visibility"] = "Public", ["Input.ShowDayNumbers"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("aria-describedby=\"Input_Title-error\" aria-invalid=\"true\"", html);
        Assert.Matches("<span class=\"field-error\" id=\"Input_Title-error\">[^<]+</span>", html);
        Assert.Contains("value=\"Kept &lt;tagline&gt;\"", html);
    }
}

public sealed class JournalFormTestsOnSqlite(SqliteApp app) : JournalFormTests(app), IClassFixture<SqliteApp>;
public sealed class JournalFormTestsOnPostgres(PostgresApp app) : JournalFormTests(app), IClassFixture<PostgresApp>;

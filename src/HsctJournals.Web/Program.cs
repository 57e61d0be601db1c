using HsctJournals.Web.Accounts;
using HsctJournals.Web.Admin;
using HsctJournals.Web.Api;
using HsctJournals.Web.Caching;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Feeds;
using HsctJournals.Web.Followers;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Photos;
using HsctJournals.Web.Portability;
using HsctJournals.Web.Shared;
using HsctJournals.Web.Startup;
using HsctJournals.Web.Treatment;

// The composition root reads like a table of contents: each feature folder registers and maps itself.
var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddJournalsData(builder.Configuration)
    .AddAccounts()
    .AddSharedWeb()
    .AddPageCaching(builder.Configuration)
    .AddJournals()
    .AddComments()
    .AddNotifications()
    .AddFollowers()
    .AddTreatment()
    .AddPhotos()
    .AddFeeds()
    .AddPortability()
    .AddAdmin()
    .AddApi();

var app = builder.Build();

var pageModels = app.BuildPageModelsInBackground();
await app.MigrateAndSeedAsync();
await pageModels;

app.UseSharedWeb();
app.MapHealthChecks("/healthz");
app.MapJournals();
app.MapFeeds();
app.MapTreatment();
app.MapPhotos();
app.MapApi();
app.MapComments();
app.MapPortability();

app.Run();

/// <summary>Entry point, public so integration tests can host the app.</summary>
public partial class Program;

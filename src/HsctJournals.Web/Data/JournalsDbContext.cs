using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Data;

/// <summary>
/// The application's database. Each provider has its own subclass and migration set
/// (EF Core "Migrations with Multiple Providers"); entity configuration lives in
/// <c>Data/Configurations</c>, one class per entity.
/// </summary>
/// <remarks>
/// Add a migration for both providers after changing the model:
/// <code>
/// cd src/HsctJournals.Web
/// dotnet ef migrations add NAME --context SqliteJournalsDbContext --output-dir Data/Migrations/Sqlite -- --Database:Provider=Sqlite --Database:SeedDemo=false
/// dotnet ef migrations add NAME --context PostgresJournalsDbContext --output-dir Data/Migrations/Postgres -- --Database:Provider=Postgres "--ConnectionStrings:Journals=Host=127.0.0.1;Database=design"
/// </code>
/// The tools build the app's own service provider (no design-time factory), so Identity's
/// options shape the model exactly as at run time; no database is needed to add a migration.
/// Then regenerate both compiled models (the app runs on them, decision 0051; <c>CompiledModelTests</c> fails while
/// either differs from the model these configurations build):
/// <code>
/// dotnet ef dbcontext optimize --context SqliteJournalsDbContext --output-dir Data/CompiledModels/Sqlite --namespace HsctJournals.Web.Data.CompiledModels.Sqlite -- --Database:Provider=Sqlite --Database:SeedDemo=false
/// dotnet ef dbcontext optimize --context PostgresJournalsDbContext --output-dir Data/CompiledModels/Postgres --namespace HsctJournals.Web.Data.CompiledModels.Postgres -- --Database:Provider=Postgres "--ConnectionStrings:Journals=Host=127.0.0.1;Database=design" --Database:SeedDemo=false
/// </code>
/// </remarks>
public abstract class JournalsDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Journal> Journals => Set<Journal>();
    public DbSet<JournalMember> JournalMembers => Set<JournalMember>();
    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();
    public DbSet<JournalInvitation> JournalInvitations => Set<JournalInvitation>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<FeedToken> FeedTokens => Set<FeedToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<PasskeyUse> PasskeyUses => Set<PasskeyUse>();
    public DbSet<Treatment.TreatmentCourse> TreatmentCourses => Set<Treatment.TreatmentCourse>();
    public DbSet<Treatment.DrugLine> DrugLines => Set<Treatment.DrugLine>();
    public DbSet<Treatment.PriorTherapy> PriorTherapies => Set<Treatment.PriorTherapy>();
    public DbSet<Treatment.PhaseRecord> TreatmentPhases => Set<Treatment.PhaseRecord>();
    public DbSet<Treatment.LabResult> LabResults => Set<Treatment.LabResult>();
    public DbSet<Treatment.TreatmentEvent> TreatmentEvents => Set<Treatment.TreatmentEvent>();
    public DbSet<Treatment.FollowUpItem> FollowUpItems => Set<Treatment.FollowUpItem>();
    public DbSet<Treatment.ClinicianLink> ClinicianLinks => Set<Treatment.ClinicianLink>();
    public DbSet<Treatment.ClinicianLinkAccess> ClinicianLinkAccesses => Set<Treatment.ClinicianLinkAccess>();
    public DbSet<Comments.Comment> Comments => Set<Comments.Comment>();
    public DbSet<Notifications.OutboxMessage> OutboxMessages => Set<Notifications.OutboxMessage>();
    public DbSet<Followers.Follower> Followers => Set<Followers.Follower>();
    public DbSet<HsctJournals.Web.Photos.Photo> Photos => Set<HsctJournals.Web.Photos.Photo>();
    public DbSet<HsctJournals.Web.Photos.PhotoVariant> PhotoVariants => Set<HsctJournals.Web.Photos.PhotoVariant>();
    public DbSet<HsctJournals.Web.Photos.PhotoUsage> PhotoUsages => Set<HsctJournals.Web.Photos.PhotoUsage>();
    public DbSet<HsctJournals.Web.Photos.PhotoBlob> PhotoBlobs => Set<HsctJournals.Web.Photos.PhotoBlob>();
    public DbSet<HsctJournals.Web.Photos.PhotoBlobChunk> PhotoBlobChunks => Set<HsctJournals.Web.Photos.PhotoBlobChunk>();
    public DbSet<RetiredSlug> RetiredSlugs => Set<RetiredSlug>();
    public DbSet<Portability.ImportJob> ImportJobs => Set<Portability.ImportJob>();
    public DbSet<Portability.ImportedItem> ImportedItems => Set<Portability.ImportedItem>();
    public DbSet<Portability.LegacyPermalink> LegacyPermalinks => Set<Portability.LegacyPermalink>();
    public DbSet<Shared.SiteSettings> SiteSettings => Set<Shared.SiteSettings>();
    public DbSet<Admin.AdminAuditEntry> AdminAuditEntries => Set<Admin.AdminAuditEntry>();
    /// <summary>Data-protection keys live in the database so every node (and every restart) shares them.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys
        => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    private List<Func<Task>>? _afterCommit;

    /// <summary>
    /// Runs <paramref name="work"/> once the current transaction has committed, or at once when there is none
    /// (<see cref="AfterCommit"/> runs it; a rollback drops it). Page-cache eviction goes through here: evicted
    /// before the commit, a page could be rendered again from the old rows and cached until it expires.
    /// </summary>
    public Task AfterCommitAsync(Func<Task> work)
    {
        if (Database.CurrentTransaction is null) return work();
        (_afterCommit ??= []).Add(work);
        return Task.CompletedTask;
    }

    internal async Task RunAfterCommitAsync()
    {
        var queued = _afterCommit;
        _afterCommit = null;
        foreach (var work in queued ?? []) await work();
    }

    internal void DropAfterCommit() => _afterCommit = null;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JournalsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Every instant is UTC. SQLite hands DateTime back without a Kind and PostgreSQL's
        // timestamptz refuses a non-UTC one, so the converter pins the Kind both ways.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

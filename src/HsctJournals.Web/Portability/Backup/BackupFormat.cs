using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HsctJournals.Domain.Comments;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Portability.Backup;

// The journal.json of a backup zip (docs/backup-format.md, docs/backup/journal.schema.json).
// These records ARE the format: they are written and read as they are, and the JSON Schema in docs
// is generated from them (BackupSchemaTests keeps the two equal). Change them only with a new
// Version and a reader for the old one.

/// <summary>The whole journal as a backup holds it.</summary>
public sealed record JournalBackup(
    string Format, int Version, DateTime ExportedAt, string? Site,
    BackupJournal Journal, IReadOnlyList<BackupMember> Members,
    IReadOnlyList<BackupTerm> Categories, IReadOnlyList<BackupTerm> Tags,
    IReadOnlyList<BackupPost> Posts, IReadOnlyList<BackupPhoto> Photos,
    IReadOnlyList<BackupCourse> TreatmentCourses)
{
    public const string FormatName = "hsct-journal-backup";
    // Version 2 added treatmentCourses[].infusedCd34PerKg; version 1 files are read by BackupVersions.Upgrade.
    public const int CurrentVersion = 2;

    /// <summary>camelCase names, enums by name, dates in ISO 8601, no nulls left out (every field is always present).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Numbers are numbers: the web defaults would also read "1" as 1, which the schema would then have to allow.
        NumberHandling = JsonNumberHandling.Strict,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };
}

public sealed record BackupJournal(
    string Slug, string Title, string? Tagline, JournalVisibility Visibility, bool ShowDayNumbers, DateTime CreatedAt,
    BackupCommentSettings CommentSettings);

public sealed record BackupCommentSettings(
    CommentPermission WhoMayComment, HoldRule Hold, int MaxLinksBeforeHold, string? HeldWords, string? BlockedWords,
    int? CloseAfterDays, int ThreadDepth, bool NewestFirst, OwnerNotificationSetting OwnerNotification);

/// <summary>A member, known by e-mail address: restore links the membership to the account with that address, if there is one.</summary>
public sealed record BackupMember(string Email, string DisplayName, JournalRole Role, DateTime Since);

/// <summary>A category or tag; posts point at it by <see cref="Id"/> (the id inside this file only).</summary>
public sealed record BackupTerm(int Id, string Name, string Slug);

/// <summary>Who wrote something: the e-mail address of the account (null once it was deleted) and the name shown.</summary>
public sealed record BackupPerson(string? Email, string Name);

public sealed record BackupPost(
    int Id, string Title, string Slug, PostStatus Status, DateTime? PublishedAt, DateTime CreatedAt, DateTime UpdatedAt,
    BackupPerson Author, string? Byline, string Markdown, string? CustomExcerpt, int? CategoryId, IReadOnlyList<int> TagIds,
    bool CommentsOpen, string MarkdownFile, IReadOnlyList<BackupOldAddress> OldAddresses,
    IReadOnlyList<BackupRevision> Revisions, IReadOnlyList<BackupComment> Comments);

/// <summary>An address the post had on an old site (a WordPress permalink), still redirected here.</summary>
public sealed record BackupOldAddress(string Host, string Path);

public sealed record BackupRevision(string Title, string Markdown, DateTime SavedAt, string? SavedByEmail);

/// <summary>
/// A comment of any status. <see cref="AuthorEmail"/> is the commenter's private address: it is in
/// journal.json only (never in the Markdown or static copy), see docs/decisions/0018.
/// </summary>
public sealed record BackupComment(
    int Id, int? ParentId, string AuthorName, string AuthorEmail, string? AuthorWebsite, string? AccountEmail,
    string Text, CommentStatus Status, string? ModerationNote, bool NotifyOnReply, DateTime CreatedAt, DateTime? UpdatedAt);

/// <summary>A photo's metadata; its original is the zip entry <see cref="File"/>. Posts refer to it as <c>photo:{Id}</c>.</summary>
public sealed record BackupPhoto(
    int Id, string File, string FileName, string ContentType, long Length, string Sha256, int Width, int Height,
    string AltText, bool Decorative, string? Caption, bool WasAnimated, DateTime UploadedAt, string? UploadedByEmail);

public sealed record BackupCourse(
    string? Condition, string? Centre, string? Country, string? Protocol, DateOnly? DayZero, DateOnly? ProtocolStart, int ProtocolFirstDay,
    TreatmentSharing Sharing, DateOnly? DeclaredNeutrophilEngraftment, DateOnly? DeclaredPlateletEngraftment, DateTime CreatedAt,
    IReadOnlyList<BackupDrug> Drugs, IReadOnlyList<BackupPriorTherapy> PriorTherapies, IReadOnlyList<BackupPhase> Phases,
    IReadOnlyList<BackupLab> Labs, IReadOnlyList<BackupEvent> Events, IReadOnlyList<BackupFollowUp> FollowUps,
    decimal? InfusedCd34PerKg)
{
    /// <summary>A stored course (with its lists loaded) in the format; the backup and the personal-data export share it.</summary>
    public static BackupCourse From(TreatmentCourse c) => new(
        c.Condition, c.Centre, c.Country, c.Protocol, c.DayZero, c.ProtocolStart, c.ProtocolFirstDay, c.Sharing,
        c.DeclaredNeutrophilEngraftment, c.DeclaredPlateletEngraftment, c.CreatedAt,
        c.Drugs.OrderBy(d => d.Id).Select(d => new BackupDrug(d.Purpose, d.GenericName, d.Brand, d.Dose, d.Unit, d.Basis, d.WeightKg, d.HeightCm, d.Route, d.StartDate, d.EndDate)).ToList(),
        c.PriorTherapies.OrderBy(t => t.Id).Select(t => new BackupPriorTherapy(t.GenericName, t.Brand, t.Started, t.Stopped, t.LastDose, t.ReasonStopped)).ToList(),
        c.Phases.OrderBy(p => p.Id).Select(p => new BackupPhase(p.Phase, p.Planned, p.Started, p.Note)).ToList(),
        c.Labs.OrderBy(l => l.Id).Select(l => new BackupLab(l.Date, l.Time, l.Analyte, l.OriginalValue, l.OriginalUnit, l.Value, l.Loinc, l.Ucum, l.ReferenceLow, l.ReferenceHigh, l.Note, l.CreatedAt)).ToList(),
        c.Events.OrderBy(e => e.Id).Select(e => new BackupEvent(e.Date, e.Type, e.Value, e.Grade, e.Product, e.Detail, e.Note, e.CreatedAt)).ToList(),
        c.FollowUps.OrderBy(f => f.Id).Select(f => new BackupFollowUp(f.Title, f.Due, f.Note, f.Done, f.Uid)).ToList(),
        c.InfusedCd34PerKg);

    /// <summary>A course with every list, as <see cref="From"/> needs it.</summary>
    public static IQueryable<TreatmentCourse> WithLists(IQueryable<TreatmentCourse> courses) =>
        (courses.Include(c => c.Drugs).Include(c => c.PriorTherapies)
            .Include(c => c.Phases).Include(c => c.Labs).Include(c => c.Events).Include(c => c.FollowUps)).AsSplitQuery();
}

public sealed record BackupDrug(
    DrugPurpose Purpose, string GenericName, string? Brand, decimal? Dose, string? Unit, DoseBasis Basis, decimal? WeightKg, decimal? HeightCm,
    string? Route, DateOnly? StartDate, DateOnly? EndDate);

public sealed record BackupPriorTherapy(string GenericName, string? Brand, DateOnly? Started, DateOnly? Stopped, DateOnly? LastDose, string? ReasonStopped);

public sealed record BackupPhase(Domain.Treatment.Phase Phase, DateOnly? Planned, DateOnly? Started, string? Note);

public sealed record BackupLab(
    DateOnly Date, TimeOnly? Time, Domain.Treatment.LabAnalyte Analyte, decimal OriginalValue, string OriginalUnit, decimal Value,
    string Loinc, string Ucum, decimal? ReferenceLow, decimal? ReferenceHigh, string? Note, DateTime CreatedAt);

public sealed record BackupEvent(
    DateOnly Date, TreatmentEventType Type, decimal? Value, int? Grade, Domain.Treatment.TransfusionProduct? Product, string? Detail, string? Note, DateTime CreatedAt);

public sealed record BackupFollowUp(string Title, DateOnly Due, string? Note, bool Done, string Uid);

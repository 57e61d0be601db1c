namespace HsctJournals.Web.Journals;

/// <summary>
/// Marks a page under /j/{journal}/… whose journal <see cref="JournalPageFilter"/> resolves into the request's
/// <see cref="JournalContext"/> before the handler runs; a reader without <see cref="Capability"/> gets 404, the
/// same answer as for a missing journal. Inherited: <see cref="JournalPageModel"/> carries the Read default.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class JournalPageAttribute(JournalCapability capability = JournalCapability.Read) : Attribute
{
    public JournalCapability Capability { get; } = capability;
}

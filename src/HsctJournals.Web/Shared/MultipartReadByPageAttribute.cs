namespace HsctJournals.Web.Shared;

/// <summary>
/// Put on a Razor page (<c>@attribute [MultipartReadByPage]</c> in the .cshtml, where routing sees it) whose model
/// reads multipart posts itself through a <see cref="StreamedFormAttribute"/> filter: <see cref="InputCleaning"/>
/// then leaves such bodies unread instead of buffering every file before the page runs.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MultipartReadByPageAttribute : Attribute;

using HsctJournals.Domain.Photos;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace HsctJournals.Web.Photos;

/// <summary>
/// Photos in the post editor (<see cref="IEditorUploads"/>): the editor's form is read as it streams in by
/// <see cref="PhotoFormAttribute"/>, which <see cref="Convention"/> puts on the editor page, and each stored photo
/// becomes a Markdown reference. The fields are <c>_EditorPhotos.cshtml</c>; with JavaScript, <c>photo-upload.js</c>
/// sends the photos one by one and inserts them at the cursor.
/// </summary>
public sealed class EditorPhotos : IEditorUploads
{
    public string Partial => "/Photos/_EditorPhotos.cshtml";
    public string Script => "~/js/photo-upload.js";

    public EditorUploadOutcome? Read(HttpContext http) => PhotoFormAttribute.Outcome(http) is { } outcome
        ? new EditorUploadOutcome(outcome.HadFiles, outcome.Malformed, outcome.Forged,
            outcome.Added.Select(r => new EditorUpload(r.Photo!.Id, r.Photo.FileName, PhotoReference.Markdown(r.Photo.Id, r.Photo.AltText), r.AlreadyThere)).ToList(),
            outcome.Refused)
        : null;

    /// <summary>
    /// Gives the editor page (<see cref="WriteModel"/>) what the Photos page carries as attributes: the streamed
    /// photo form and its request size limit, as filters and as endpoint metadata, in that order.
    /// </summary>
    public sealed class Convention : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            if (model.HandlerType.AsType() != typeof(WriteModel)) return;
            var form = new PhotoFormAttribute();
            var limit = new RequestSizeLimitAttribute(PhotoForms.MaxRequestBytes);
            model.Filters.Add(form);
            model.Filters.Add(limit);
            model.EndpointMetadata.Add(form);
            model.EndpointMetadata.Add(limit);
        }
    }
}

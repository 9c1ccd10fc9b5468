using System.Net.Mime;
using Microsoft.Net.Http.Headers;

namespace InnoCluster.Infrastructure.Files;

/// <summary>Serves a stored file as an attachment: never inline, never sniffed, with a safe file name.</summary>
public static class FileDownload
{
    public static Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult Result(HttpContext http, StoredFile file, Stream content)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        var type = file.Kind switch
        {
            FileKind.Pdf => MediaTypeNames.Application.Pdf,
            FileKind.Png => MediaTypeNames.Image.Png,
            FileKind.Jpeg => MediaTypeNames.Image.Jpeg,
            // Text and HTML go out as opaque bytes: a browser must not render what a user uploaded.
            _ => MediaTypeNames.Application.Octet,
        };
        return TypedResults.Stream(content, type);
    }
}

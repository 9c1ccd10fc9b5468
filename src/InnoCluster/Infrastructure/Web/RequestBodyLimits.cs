using Microsoft.AspNetCore.Http.Features;

namespace InnoCluster.Infrastructure.Web;

/// <summary>What a request body may carry, by what the endpoint takes.</summary>
public enum BodyKind
{
    /// <summary>JSON and ordinary forms.</summary>
    Small,

    /// <summary>A form or upload with attachments (demands, progress reports, one's own files).</summary>
    Attachments,

    /// <summary>Documents for the library, several files at once.</summary>
    Documents,

    /// <summary>An enterprise spreadsheet.</summary>
    Import,
}

/// <summary>Marks an endpoint or page as taking more than a small body.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class BodyLimitAttribute(BodyKind kind) : Attribute
{
    public BodyKind Kind { get; } = kind;
}

/// <summary>Request body limits (section "Limits"): anonymous requests small, signed-in ones small unless the endpoint takes files.</summary>
public sealed class BodyLimitOptions
{
    public long AnonymousBytes { get; set; } = 64 * 1024;

    public long SmallBytes { get; set; } = 1024 * 1024;

    public long AttachmentsBytes { get; set; } = 50L * 1024 * 1024;

    public long DocumentsBytes { get; set; } = 100L * 1024 * 1024;

    public long ImportBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The server's ceiling (Kestrel): no endpoint takes more.</summary>
    public long MaxBytes => Math.Max(Math.Max(AttachmentsBytes, DocumentsBytes), Math.Max(ImportBytes, SmallBytes));

    /// <summary>
    /// The "Limits" section, each file endpoint's limit raised to hold at least one file of the size its
    /// feature accepts (Registry:Import:MaxFileBytes, Documents:MaxFileBytes, Security:MaxUploadBytes) plus
    /// the form around it.
    /// </summary>
    public static BodyLimitOptions From(IConfiguration configuration)
    {
        var limits = configuration.GetSection("Limits").Get<BodyLimitOptions>() ?? new BodyLimitOptions();
        const long formOverhead = 1024 * 1024;
        long Configured(string key, long fallback) => configuration.GetValue<long?>(key) ?? fallback;
        limits.ImportBytes = Math.Max(limits.ImportBytes, Configured("Registry:Import:MaxFileBytes", 20L * 1024 * 1024) + formOverhead);
        limits.DocumentsBytes = Math.Max(limits.DocumentsBytes, Configured("Documents:MaxFileBytes", 30L * 1024 * 1024) + formOverhead);
        limits.AttachmentsBytes = Math.Max(limits.AttachmentsBytes, Configured("Security:MaxUploadBytes", 20L * 1024 * 1024) + formOverhead);
        return limits;
    }
}

/// <summary>
/// Sets each request's body limit before anything reads the body (antiforgery reads forms, model binding
/// reads JSON): a body announced larger is answered 413 at once, unread; a chunked one is cut off at the
/// limit. A signed-out visitor can post only small forms (sign-in, registration); files go only to the
/// endpoints marked for them.
/// </summary>
public sealed class RequestBodyLimits(RequestDelegate next, Microsoft.Extensions.Options.IOptions<BodyLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = LimitFor(context);
        if (context.Request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit);
            return;
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        // Counted here too, so a body cut off inside a reader that swallows the error (antiforgery's form
        // read answers 400) is still answered for what it is: too large.
        var body = new LimitedBody(context.Request.Body, limit);
        context.Request.Body = body;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, limit);
            return;
        }

        if (body.Exceeded && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, limit);
        }
    }

    private long LimitFor(HttpContext context)
    {
        var settings = options.Value;
        var kind = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimitAttribute>()?.Kind ?? BodyKind.Small;
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return settings.AnonymousBytes;
        }

        return kind switch
        {
            BodyKind.Attachments => settings.AttachmentsBytes,
            BodyKind.Documents => settings.DocumentsBytes,
            BodyKind.Import => settings.ImportBytes,
            _ => settings.SmallBytes,
        };
    }

    private static async Task TooLargeAsync(HttpContext context, long limit)
    {
        context.Response.Clear();
        context.Response.Headers.Connection = "close";
        var size = limit >= 1024 * 1024 ? $"{limit / (1024 * 1024)} MB" : $"{limit / 1024} KB";
        await Results.Problem($"请求内容超过 {size} 上限 / the request body is larger than the {size} limit", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large").ExecuteAsync(context);
    }

    /// <summary>The request body, counted: past the limit it fails as Kestrel does, and remembers that it did.</summary>
    private sealed class LimitedBody(Stream inner, long limit) : Stream
    {
        private long _read;

        public bool Exceeded { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return Count(inner.Read(buffer, offset, count));
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                Exceeded = true;
                throw;
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Count(await inner.ReadAsync(buffer, cancellationToken));
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                Exceeded = true;
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                Exceeded = true;
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Bylab.Web.Features.Api;

/// <summary>
/// A JSON answer with a strong ETag (a hash of the exact bytes), so a client that sends If-None-Match gets a 304 without
/// the body when nothing changed. Cache-Control lets clients and shared caches keep it for <see cref="ApiOptions.CacheSeconds"/>.
/// </summary>
public sealed class ApiJson(object body) : IActionResult
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Options);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToBase64String(SHA256.HashData(bytes), 0, 18).Replace('+', '-').Replace('/', '_') + "\"");
        var seconds = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.CacheSeconds;
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(seconds) };
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } match && match.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Compare(etag, useStrongComparison: false)))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }
}

/// <summary>One page of a list: the items and where they sit in the whole.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, int TotalPages);

/// <summary>The paging parameters every list takes, checked against <see cref="ApiOptions"/>.</summary>
public static class ApiPaging
{
    /// <summary>The page and size to use, or the problem to answer with.</summary>
    public static (int Page, int Size, ProblemDetails? Problem) Read(HttpContext context, int? page, int? pageSize)
    {
        var o = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        if (page is < 1 or > 100_000)
        {
            return (0, 0, ApiProblems.BadParameter(context, "page", "PageRange", 100_000));
        }
        if (pageSize is { } size && (size < 1 || size > o.MaxPageSize))
        {
            return (0, 0, ApiProblems.BadParameter(context, "pageSize", "PageSizeRange", o.MaxPageSize));
        }
        return (page ?? 1, pageSize ?? o.DefaultPageSize, null);
    }

    /// <summary>One page of a short list read whole (consultations, the venue calendar's window).</summary>
    public static ApiPage<TOut> Slice<TIn, TOut>(IReadOnlyList<TIn> all, int page, int size, Func<TIn, TOut> map) =>
        new(all.Skip((page - 1) * size).Take(size).Select(map).ToList(), page, size, all.Count, all.Count == 0 ? 1 : (all.Count + size - 1) / size);

    public static ApiPage<TOut> Map<TIn, TOut>(Bylab.Core.Common.Paged<TIn> paged, Func<TIn, TOut> map) =>
        new(paged.Items.Select(map).ToList(), paged.Page, paged.PageSize, paged.Total, paged.PageCount);
}

namespace Bylab.Web
{
    /// <summary>Texts used across the site: layout, buttons, common validation, errors, role and language names.</summary>
    public sealed class SharedResource;
}

namespace Bylab.Web.Features.Account
{
    /// <summary>Texts of registration, login, password reset, profile and the account e-mails.</summary>
    public sealed class AccountResource;
}

namespace Bylab.Web.Features.Home
{
    /// <summary>Texts of the front page, the accessibility statement and the privacy page.</summary>
    public sealed class HomeResource;
}

namespace Bylab.Web.Areas.Admin
{
    /// <summary>Texts of the admin area.</summary>
    public sealed class AdminResource;
}

namespace Bylab.Web.Features.Profile
{
    /// <summary>Texts of Min side: the person's own profile, password, e-mail, two-factor, data download and deletion.</summary>
    public sealed class ProfileResource;
}

namespace Bylab.Web.Features.Ideas
{
    /// <summary>Texts of the public consultation and idea pages: lists, idea page, forms, votes, comments, feed, and the names of principles and goals.</summary>
    public sealed class IdeasResource;
}

namespace Bylab.Web.Features.Events
{
    /// <summary>Texts of the public event pages (programme, month calendar, event page, sign-up, personal page, my sign-ups) and, under "Mail.", the event e-mails.</summary>
    public sealed class EventsResource;
}

namespace Bylab.Web.Features.Organise
{
    /// <summary>Texts of the management pages under /arrangor: event list and form, participants, CSV, check-in.</summary>
    public sealed class OrganiseResource;
}

namespace Bylab.Web.Features.Moderation
{
    /// <summary>Texts of reporting (the report form, reasons) and the statements of reasons mailed to authors ("Mail.").</summary>
    public sealed class ModerationResource;
}

namespace Bylab.Web.Features.Bookings
{
    /// <summary>Texts of venue booking: the venue's page and calendar, requests, the booking e-mails, and the staff pages for the venue, bookings and organisations.</summary>
    public sealed class BookingsResource;
}

namespace Bylab.Web.Features.Connect
{
    /// <summary>Texts of Bylab as an identity provider: the consent page, sign-out from a client, «Tilkoblede tjenester» on Min side, the admin's client pages.</summary>
    public sealed class ConnectResource;
}

namespace Bylab.Web.Features.Api
{
    /// <summary>Texts of the open API (its problem details, by the request's Accept-Language) and of the page that documents it.</summary>
    public sealed class ApiResource;
}

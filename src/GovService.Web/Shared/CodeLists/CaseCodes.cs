namespace GovService.Web.Shared.CodeLists;

/// <summary>GB/T 39046 A.6 办件类型, as the catalog and a case store it (an int column).</summary>
public enum CaseKind
{
    /// <summary>即办件: decided at the window the same day.</summary>
    Immediate = 1,

    /// <summary>承诺件: decided by the back office within the promised time.</summary>
    Promised = 2,
}

/// <summary>GB/T 39046 A.5 办理形式: how a case came in, as a case stores it (an int column).</summary>
public enum ServiceChannel
{
    /// <summary>窗口办理.</summary>
    Window = 1,

    /// <summary>电脑端网上办理: the portal's online application.</summary>
    Online = 2,

    /// <summary>移动端网上申请.</summary>
    Mobile = 3,

    /// <summary>快递申请.</summary>
    Post = 4,

    /// <summary>其他.</summary>
    Other = 9,
}

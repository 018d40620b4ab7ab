using System.Linq.Expressions;

namespace GovService.Web.Infrastructure.Data;

/// <summary>
/// Writing a rule once as an expression and using it where C# cannot call it: inside a compiled query, or with a
/// value bound so that EF Core sends it as a statement parameter.
/// </summary>
public static class Expressions
{
    /// <summary>
    /// <paramref name="rule"/> with its second parameter bound to <paramref name="value"/>, read through a field as a
    /// captured variable is: EF Core sends it as a parameter of the statement, never as text (one cached plan for
    /// every value).
    /// </summary>
    public static Expression<Func<T, bool>> Bind<T, TValue>(Expression<Func<T, TValue, bool>> rule, TValue value)
    {
        var bound = Expression.Field(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));
        return Expression.Lambda<Func<T, bool>>(new Replace(rule.Parameters[1], bound).Visit(rule.Body)!, rule.Parameters[0]);
    }

    /// <summary>
    /// <paramref name="query"/> with every call of <paramref name="placeholder"/> (a static method that only stands for
    /// the rule and is never run) replaced by the body of <paramref name="rule"/>, its parameters by the call's
    /// arguments: the query can then be compiled (<c>EF.CompileAsyncQuery</c>) with the rule inside it.
    /// </summary>
    public static TLambda Inline<TLambda>(TLambda query, string placeholder, LambdaExpression rule)
        where TLambda : LambdaExpression =>
        (TLambda)new InlineCalls(placeholder, rule).Visit(query);

    private sealed class Box<TValue>(TValue value)
    {
        public readonly TValue Value = value;
    }

    private sealed class Replace(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }

    private sealed class InlineCalls(string placeholder, LambdaExpression rule) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != placeholder || !node.Method.IsStatic || node.Arguments.Count != rule.Parameters.Count)
            {
                return base.VisitMethodCall(node);
            }

            var body = rule.Body;
            for (var i = 0; i < rule.Parameters.Count; i++)
            {
                body = new Replace(rule.Parameters[i], Visit(node.Arguments[i])).Visit(body)!;
            }

            return body;
        }
    }
}
